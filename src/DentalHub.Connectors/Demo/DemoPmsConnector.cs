using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// A practice management system that serves a generated sample practice, so a first run shows a
/// working hub. Everything it serves is sample data and is labelled so: patients in families, and around the day it
/// is read on (<see cref="Today"/>) its providers' schedule, appointments, insurance, claims, ledger and balances.
/// </summary>
public sealed class DemoPmsConnector(DemoPractice practice, TimeProvider time, DemoLedger ledger, DemoCommlogs commlogs, DemoAdjustments adjustments, string bookName)
    : IConnector, IReadsPatients, IWritesPayments, IWritesCommlogs, IWritesAdjustments, IWritesAppointments, IWritesClaimUpdates, IWritesDocuments, IWritesNewPatients, IReadsClinics, IReadsProviders, IReadsOperatories, IReadsAppointmentTypes, IReadsSchedules,
        IReadsAppointments, IReadsInsurance, IReadsClaims, IReadsLedger, IReadsBalances
{
    public const string Key = "demo-pms";
    public const string PageSizeField = "pageSize";
    public const string DelayField = "delayMs";
    public const string LedgerField = "ledger";
    public const string RefuseField = "refuseWrites";

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Demo PMS (sample data)",
        "A generated sample practice with a few hundred patients in families, including some records with problems, and two months of schedule, appointments, insurance and accounts either side of today, so you can try DentalHub without a real PMS.",
        ConnectorKind.PracticeManagement,
        [
            new ConnectorField("seed", "Sample seed", "Changes which sample patients are generated.", IsRequired: false, DefaultValue: "42"),
            new ConnectorField(PageSizeField, "Page size", "Rows per page read.", IsRequired: false, DefaultValue: "100"),
            new ConnectorField(DelayField, "Simulated delay (ms)", "Waits this long per page, as a slow PMS would, so you can watch a sync's progress.", IsRequired: false, DefaultValue: "0"),
            new ConnectorField(LedgerField, "Ledger name", "Payments, communication logs, adjustments, appointments, new patients, documents and claim updates written to the Demo PMS are kept in memory under this name.", IsRequired: false, DefaultValue: "sample"),
            new ConnectorField(RefuseField, "Refuse writes", "Makes the Demo PMS refuse every write (payments, logs, adjustments, appointments, new patients, documents, claim updates), to see how a refused writeback looks and is retried.", IsRequired: false, DefaultValue: "no", Choices: ["no", "yes"]),
        ],
        context => Create(context))
    {
        ServesSampleData = true,
        SystemName = "the Demo PMS",
    };

    private static DemoPmsConnector Create(ConnectorContext context)
    {
        var practice = DemoPractice.Generate(SeedFrom(context.Settings));
        var ledger = context.Settings.Value(LedgerField) ?? "sample";
        return new DemoPmsConnector(
            practice,
            context.Time,
            new DemoLedger(ledger),
            new DemoCommlogs(ledger, practice.Patients.Select(p => p.PmsId).ToHashSet()),
            new DemoAdjustments(ledger, practice.Patients.Select(p => p.PmsId).ToHashSet()),
            ledger)
        {
            Documents = new DemoDocuments(ledger, practice.Patients.Select(p => p.PmsId).ToHashSet()),
            PageSize = PageSizeFrom(context.Settings),
            RefusesWrites = context.Settings.Value(RefuseField) == "yes",
            DelayPerPage = TimeSpan.FromMilliseconds(int.TryParse(context.Settings.Value(DelayField), CultureInfo.InvariantCulture, out var delay) ? Math.Clamp(delay, 0, 10_000) : 0),
        };
    }

    public int PageSize { get; init; } = 100;

    /// <summary>Documents attached to the sample patients' charts.</summary>
    public required DemoDocuments Documents { get; init; }

    public TimeSpan DelayPerPage { get; init; }

    /// <summary>Every write is refused, as a PMS refuses what it cannot take, until the setting is turned off.</summary>
    public bool RefusesWrites { get; init; }

    private Task<WriteOutcome>? Refusal(string what) => RefusesWrites
        ? Task.FromResult<WriteOutcome>(new WriteOutcome.Refused($"The Demo PMS refused the {what} (its \"Refuse writes\" setting is on). Turn it off on the connection, then retry."))
        : null;

    /// <summary>
    /// The day the sample practice is read on: the TimeProvider's local date. The connector is not told the practice's
    /// time zone, so the demo takes the machine's (or the TimeProvider's) as the practice's; where they differ, the
    /// sample's day turns over a few hours before or after the practice's midnight.
    /// </summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private readonly Lock gate = new();
    private DemoBook? book;

    public IChangeFeed<PmsClinic> Clinics => Feed<PmsClinic>(_ => [DemoOffice.Clinic]);

    public IChangeFeed<PmsProvider> Providers => Feed(_ => DemoOffice.Providers);

    public IChangeFeed<PmsOperatory> Operatories => Feed(_ => DemoOffice.Operatories);

    public IChangeFeed<PmsAppointmentType> AppointmentTypes => Feed(_ => DemoOffice.AppointmentTypes);

    public IChangeFeed<PmsInsurancePlan> InsurancePlans => Feed(_ => DemoOffice.InsurancePlans);

    public IChangeFeed<PmsScheduleBlock> Schedules => Feed(day => BookOn(day).Schedules);

    // What was booked, moved, confirmed or cancelled here comes back on the next read, as from a PMS.
    public IChangeFeed<PmsAppointment> Appointments =>
        new DemoFeed<PmsAppointment>(day => DemoAppointments.Overlay(bookName, BookOn(day).Appointments), () => Today, PageSize, DelayPerPage, time, () => DemoAppointments.Version(bookName));

    public IChangeFeed<PmsCoverage> Coverages => Feed(day => BookOn(day).Coverages);

    public IChangeFeed<PmsClaim> Claims => Feed(day => BookOn(day).Claims);

    public IChangeFeed<PmsLedgerEntry> LedgerEntries => Feed(day => BookOn(day).LedgerEntries);

    public IChangeFeed<PmsFamilyBalance> Balances => Feed(day => BookOn(day).Balances);

    /// <summary>The sample practice's books as of <paramref name="day"/>; today's are generated once per connector.</summary>
    public DemoBook BookOn(DateOnly day)
    {
        lock (gate)
        {
            if (book?.Today == day)
            {
                return book;
            }
        }
        var generated = DemoBook.For(practice, day);
        if (day == Today)
        {
            lock (gate)
            {
                book = generated;
            }
        }
        return generated;
    }

    private DemoFeed<TRecord> Feed<TRecord>(Func<DateOnly, IReadOnlyList<TRecord>> recordsOn) where TRecord : IPmsRecord =>
        new(recordsOn, () => Today, PageSize, DelayPerPage, time);

    public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ConnectionCheckResult.Ok(
            $"Connected to the sample practice ({practice.Patients.Count} sample patients)."));

    public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<int?>(practice.Patients.Count);

    public async IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(
        SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor is null
            ? DateTimeOffset.MinValue
            : DateTimeOffset.Parse(cursor.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var changed = practice.Patients
            .Where(p => p.ChangedAt > since)
            .OrderBy(p => p.ChangedAt)
            .ThenBy(p => int.Parse(p.PmsId, CultureInfo.InvariantCulture))
            .ToList();
        if (changed.Count == 0)
        {
            yield break;
        }
        foreach (var page in changed.Chunk(PageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DelayPerPage > TimeSpan.Zero)
            {
                await Task.Delay(DelayPerPage, time, cancellationToken);
            }
            await Task.Yield();
            var last = page[^1].ChangedAt!.Value;
            yield return new ChangePage<PmsPatient>(page, new SyncCursor(last.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        Refusal("payment") ?? ledger.WritePaymentAsync(payment, cancellationToken);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        ledger.FindWrittenPaymentAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        ledger.ReadPaymentTypesAsync(cancellationToken);

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        Refusal("communication log") ?? commlogs.WriteCommlogAsync(commlog, cancellationToken);

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        commlogs.FindWrittenCommlogAsync(commlog, cancellationToken);

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        Refusal("claim update") ?? ClaimUpdates.WriteClaimUpdateAsync(update, cancellationToken);

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        ClaimUpdates.FindWrittenClaimUpdateAsync(update, cancellationToken);

    private DemoClaimUpdates ClaimUpdates => new(bookName, id => BookOn(Today).Claims.FirstOrDefault(c => c.PmsId == id));

    public Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        Refusal("adjustment") ?? adjustments.WriteAdjustmentAsync(adjustment, cancellationToken);

    public Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        adjustments.FindWrittenAdjustmentAsync(adjustment, cancellationToken);

    public Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) =>
        adjustments.ReadAdjustmentTypesAsync(cancellationToken);

    public Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Refusal("document") ?? Documents.WriteDocumentAsync(document, cancellationToken);

    public Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Documents.FindWrittenDocumentAsync(document, cancellationToken);

    public Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) =>
        Documents.ReadDocumentCategoriesAsync(cancellationToken);

    private DemoAppointments AppointmentBook => new(
        bookName, practice.Patients.Select(p => p.PmsId).Concat(DemoNewPatients.Ids(bookName)).ToHashSet(), () => BookOn(Today).Appointments);

    public Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        Refusal("new patient") ?? new DemoNewPatients(bookName).WriteNewPatientAsync(patient, cancellationToken);

    public Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        new DemoNewPatients(bookName).FindWrittenNewPatientAsync(patient, cancellationToken);

    public Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        Refusal("appointment") ?? AppointmentBook.WriteAppointmentAsync(write, cancellationToken);

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        AppointmentBook.FindWrittenAppointmentAsync(write, cancellationToken);

    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) =>
        AppointmentBook.ReadOpenSlotsAsync(query, cancellationToken);

    private static int SeedFrom(ConnectorSettings settings) =>
        int.TryParse(settings.Value("seed"), CultureInfo.InvariantCulture, out var seed) ? seed : 42;

    private static int PageSizeFrom(ConnectorSettings settings) =>
        int.TryParse(settings.Value(PageSizeField), CultureInfo.InvariantCulture, out var size) && size is > 0 and <= 1000 ? size : 100;
}
