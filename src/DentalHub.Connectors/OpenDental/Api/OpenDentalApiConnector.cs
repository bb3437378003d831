using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Adjustments;
using DentalHub.Connectors.OpenDental.Appointments;
using DentalHub.Connectors.OpenDental.Claims;
using DentalHub.Connectors.OpenDental.Commlogs;
using DentalHub.Connectors.OpenDental.Documents;
using DentalHub.Connectors.OpenDental.Patients;
using DentalHub.Connectors.OpenDental.Payments;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Reads the practice's records and writes payments, communication logs and appointments through Open Dental's REST API (remote, Local API or
/// API Service). Each resource is an <see cref="ApiChangeFeed{TWire, T}"/>: changes are found with the
/// endpoint's DateTStamp or SecDateTEdit filter, and the next cursor is the API's own <c>serverDateTime</c>,
/// so the office's clock, not ours, decides what "since" means.
/// </summary>
internal sealed class OpenDentalApiConnector(
    OpenDentalApiClient reads, OpenDentalApiClient checks, ApiSettings settings, IWritesPayments payments, IWritesCommlogs commlogs, IWritesAdjustments adjustments, IWritesAppointments appointmentWrites,
    IWritesClaimUpdates claimUpdates, TimeProvider time)
    : IConnector, IReadsPatients, IReadsProviders, IReadsAppointments, IReadsInsurance, IReadsClaims, IReadsLedger, IReadsBalances, IReadsOperatories, IReadsAppointmentTypes, IReadsClinics, IReadsSchedules, IWritesPayments, IWritesCommlogs, IWritesAdjustments, IWritesAppointments, IWritesClaimUpdates, IWritesDocuments, IWritesNewPatients
{
    /// <summary>Documents attached to patients' charts (<c>POST /documents/Upload</c>).</summary>
    public required IWritesDocuments Documents { get; init; }

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

    // serverDateTime is in every item of GET /patients/Simple (both added in 21.2).
    private ApiChangeFeed<ApiPatient, PmsPatient> Patients => new(reads, "patients/Simple", "DateTStamp", "patients", p => p.ToPmsPatient());

    public IChangeFeed<PmsProvider> Providers => new ApiChangeFeed<ApiProvider, PmsProvider>(reads, "providers", "DateTStamp", "providers", p => p.ToPmsProvider());

    // A claimproc changed alone does not bring its appointment back (GET /claimprocs has no change filter): the daily
    // full read, a first read that takes every estimate, brings the appointments' estimates up to date.
    public IChangeFeed<PmsAppointment> Appointments => new ApiAppointmentFeed(reads).WithUntracedDeletions();

    public IChangeFeed<PmsInsurancePlan> InsurancePlans => new InsurancePlanApiFeed(reads).WithUntracedDeletions();

    public IChangeFeed<PmsCoverage> Coverages => new CoverageApiFeed(reads).WithUntracedDeletions();

    public IChangeFeed<PmsClaim> Claims => new ApiChangeFeed<ApiClaim, PmsClaim>(
        reads, "claims", "SecDateTEdit", "claims", c => c.ToPmsClaim(), changeStamp: c => c.SecDateTEdit);

    public IChangeFeed<PmsLedgerEntry> LedgerEntries => new ApiLedgerFeed(reads).WithUntracedDeletions();

    public IChangeFeed<PmsFamilyBalance> Balances => new ApiBalanceFeed(reads);

    // Plain lists without a change filter: read whole every run, a few dozen items at most.
    public IChangeFeed<PmsOperatory> Operatories => new ApiChangeFeed<ApiOperatory, PmsOperatory>(reads, "operatories", null, "operatories", o => o.ToPmsOperatory());

    public IChangeFeed<PmsAppointmentType> AppointmentTypes =>
        new ApiChangeFeed<ApiAppointmentType, PmsAppointmentType>(reads, "appointmenttypes", null, "appointment types", t => t.ToPmsAppointmentType());

    public IChangeFeed<PmsClinic> Clinics => new ApiChangeFeed<ApiClinic, PmsClinic>(reads, "clinics", null, "clinics", c => c.ToPmsClinic());

    public IChangeFeed<PmsScheduleBlock> Schedules => new ApiScheduleFeed(reads, time);

    public static OpenDentalApiConnector Create(ApiSettings settings, ConnectorContext context)
    {
        var http = context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName);
        return new OpenDentalApiConnector(
            new OpenDentalApiClient(http, settings, ApiResilience.Create(context.Time, ApiResilience.ReadRetries, settings.RequestTimeout)),
            new OpenDentalApiClient(http, settings, ApiResilience.Create(context.Time, ApiResilience.CheckRetries, settings.RequestTimeout)),
            settings,
            OpenDentalPaymentWriter.Create(settings, context),
            OpenDentalCommlogWriter.Create(settings, context),
            OpenDentalAdjustmentWriter.Create(settings, context),
            OpenDentalAppointmentWriter.Create(settings, context),
            OpenDentalClaimUpdateWriter.Create(settings, context),
            context.Time)
        {
            Documents = OpenDentalDocumentWriter.Create(settings, context),
            NewPatients = OpenDentalNewPatientWriter.Create(settings, context),
        };
    }

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
        appointmentWrites.WriteAppointmentAsync(write, cancellationToken);

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        appointmentWrites.FindWrittenAppointmentAsync(write, cancellationToken);

    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) =>
        appointmentWrites.ReadOpenSlotsAsync(query, cancellationToken);

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        claimUpdates.WriteClaimUpdateAsync(update, cancellationToken);

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        claimUpdates.FindWrittenClaimUpdateAsync(update, cancellationToken);

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checks.GetPatientsAsync(dateTStamp: null, offset: 0, limit: 1, cancellationToken);
            return ConnectionCheckResult.Ok($"Connected to Open Dental's API at {settings.Address}; the keys may read patients.");
        }
        catch (OpenDentalApiException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
    }

    public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) => Patients.CountAsync(cancellationToken);

    public IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, CancellationToken cancellationToken) =>
        Patients.ReadChangedSince(cursor, cancellationToken);
}
