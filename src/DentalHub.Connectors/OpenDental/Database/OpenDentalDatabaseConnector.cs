using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Adjustments;
using DentalHub.Connectors.OpenDental.Appointments;
using DentalHub.Connectors.OpenDental.Claims;
using DentalHub.Connectors.OpenDental.Documents;
using DentalHub.Connectors.OpenDental.Patients;
using DentalHub.Connectors.OpenDental.Payments;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Reads the office's Open Dental database directly, running only SELECTs (plus setting its own
/// session's time zone), so a user with nothing but SELECT privileges is enough. Open Dental allows
/// third parties to read its database; writes must go through its API, so payments and communication logs are
/// written with the connection's API keys when it has them and refused with a message saying so when it does not.
/// Each resource is a <see cref="ChangeQuery{T}"/> read by the same <see cref="TableFeed{T}"/>.
/// </summary>
internal sealed class OpenDentalDatabaseConnector(DatabaseSettings settings, IWritesPayments payments, IWritesCommlogs commlogs, IWritesAdjustments adjustments, IWritesAppointments appointments,
    IWritesClaimUpdates claimUpdates)
    : IConnector, IReadsPatients, IReadsProviders, IReadsAppointments, IReadsInsurance, IReadsClaims, IReadsLedger, IReadsBalances, IReadsOperatories, IReadsAppointmentTypes, IReadsClinics, IReadsSchedules, IWritesPayments, IWritesCommlogs, IWritesAdjustments, IWritesAppointments, IWritesClaimUpdates, IWritesDocuments, IWritesNewPatients
{
    private readonly DatabaseSession session = new(settings);

    /// <summary>Documents go through the API like every write: the writer for the connection's keys, or the keyless one.</summary>
    public required IWritesDocuments Documents { get; init; }

    /// <summary>New patients go through the API too: the writer for the connection's keys, or the keyless one.</summary>
    public required IWritesNewPatients NewPatients { get; init; }

    public Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        NewPatients.WriteNewPatientAsync(patient, cancellationToken);

    public Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        NewPatients.FindWrittenNewPatientAsync(patient, cancellationToken);

    public Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Documents.WriteDocumentAsync(document, cancellationToken);

    public Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Documents.FindWrittenDocumentAsync(document, cancellationToken);

    public Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) =>
        Documents.ReadDocumentCategoriesAsync(cancellationToken);

    public IChangeFeed<PmsProvider> Providers => new TableFeed<PmsProvider>(session, ProviderQuery.Query);

    // A claimproc deleted outright (a coverage dropped) leaves no trace: the daily full read brings its appointment's estimates up to date.
    public IChangeFeed<PmsAppointment> Appointments => new AppointmentFeed(session).WithUntracedDeletions();

    public IChangeFeed<PmsInsurancePlan> InsurancePlans =>
        new TableFeed<PmsInsurancePlan>(session, InsurancePlanQuery.Query, InsurancePlanQuery.AddBenefitsAsync).WithUntracedDeletions();

    public IChangeFeed<PmsCoverage> Coverages => new TableFeedWithDeletions<CoverageRow, PmsCoverage>(
        session, new TableFeed<CoverageRow>(session, CoverageQuery.Query, CoverageQuery.AddBenefitsUsedAsync), c => c.Coverage, CoverageQuery.DroppedSinceAsync)
        .WithUntracedDeletions();

    public IChangeFeed<PmsClaim> Claims => new TableFeedWithDeletions<PmsClaim, PmsClaim>(
        session, new TableFeed<PmsClaim>(session, ClaimQuery.Query), c => c, ClaimQuery.DeletedSinceAsync);

    public IChangeFeed<PmsLedgerEntry> LedgerEntries => new MultiTableFeed<PmsLedgerEntry>(session, LedgerQuery.Sources).WithUntracedDeletions();

    public IChangeFeed<PmsFamilyBalance> Balances => new MultiTableFeed<PmsFamilyBalance>(session, [BalanceQuery.Source]);

    public IChangeFeed<PmsOperatory> Operatories => new TableFeed<PmsOperatory>(session, OperatoryQuery.Query);

    public IChangeFeed<PmsAppointmentType> AppointmentTypes => new TableFeed<PmsAppointmentType>(session, AppointmentTypeQuery.Query);

    public IChangeFeed<PmsClinic> Clinics => new TableFeed<PmsClinic>(session, ClinicQuery.Query);

    public IChangeFeed<PmsScheduleBlock> Schedules => new ScheduleFeed(session).WithUntracedDeletions();

    private TableFeed<PmsPatient> Patients => new(session, PatientQuery.Query);

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.WritePaymentAsync(payment, cancellationToken);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.FindWrittenPaymentAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        payments.ReadPaymentTypesAsync(cancellationToken);

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        commlogs.WriteCommlogAsync(commlog, cancellationToken);

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        commlogs.FindWrittenCommlogAsync(commlog, cancellationToken);

    public Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        adjustments.WriteAdjustmentAsync(adjustment, cancellationToken);

    public Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        adjustments.FindWrittenAdjustmentAsync(adjustment, cancellationToken);

    public Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) =>
        adjustments.ReadAdjustmentTypesAsync(cancellationToken);

    public Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        appointments.WriteAppointmentAsync(write, cancellationToken);

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        appointments.FindWrittenAppointmentAsync(write, cancellationToken);

    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) =>
        appointments.ReadOpenSlotsAsync(query, cancellationToken);

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        claimUpdates.WriteClaimUpdateAsync(update, cancellationToken);

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        claimUpdates.FindWrittenClaimUpdateAsync(update, cancellationToken);

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await Patients.CountAsync(cancellationToken);
            return ConnectionCheckResult.Ok(
                $"Connected to the Open Dental database \"{settings.Database}\" on {settings.Address} as \"{settings.User}\" ({count} patients).");
        }
        catch (OpenDentalDatabaseException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
    }

    public string? MissingFor(Type capability) =>
        capability == typeof(IWritesPayments) && payments is KeylessWriter ? PaymentMessages.AddKeys
        : capability == typeof(IWritesAdjustments) && adjustments is KeylessWriter ? AdjustmentMessages.AddKeys
        : capability == typeof(IWritesAppointments) && appointments is KeylessWriter ? AppointmentMessages.NeedsKeys
        : capability == typeof(IWritesClaimUpdates) && claimUpdates is KeylessWriter ? ClaimUpdateMessages.AddKeys
        : capability == typeof(IWritesDocuments) && Documents is KeylessWriter ? DocumentMessages.AddKeys
        : capability == typeof(IWritesNewPatients) && NewPatients is KeylessWriter ? NewPatientMessages.NeedsKeys
        : null;

    public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) => Patients.CountAsync(cancellationToken);

    public IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, CancellationToken cancellationToken) =>
        Patients.ReadChangedSince(cursor, cancellationToken);
}
