using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// A practice management system that serves a generated sample practice, so a first run shows a
/// working hub. Everything it serves is sample data and is labelled so.
/// </summary>
public sealed class DemoPmsConnector(DemoPractice practice, TimeProvider time, DemoLedger ledger) : IConnector, IReadsPatients, IWritesPayments
{
    public const string Key = "demo-pms";
    public const string PageSizeField = "pageSize";
    public const string DelayField = "delayMs";
    public const string LedgerField = "ledger";
    public const string RefuseField = "refusePayments";

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Demo PMS (sample data)",
        "A generated sample practice with a few hundred patients in families, including some records with problems, so you can try DentalHub without a real PMS.",
        ConnectorKind.PracticeManagement,
        [
            new ConnectorField("seed", "Sample seed", "Changes which sample patients are generated.", IsRequired: false, DefaultValue: "42"),
            new ConnectorField(PageSizeField, "Page size", "Rows per page read.", IsRequired: false, DefaultValue: "100"),
            new ConnectorField(DelayField, "Simulated delay (ms)", "Waits this long per page, as a slow PMS would, so you can watch a sync's progress.", IsRequired: false, DefaultValue: "0"),
            new ConnectorField(LedgerField, "Ledger name", "Payments written to the Demo PMS are kept in memory under this name.", IsRequired: false, DefaultValue: "sample"),
            new ConnectorField(RefuseField, "Refuse payments", "Makes the Demo PMS refuse payments, to see how a refused writeback looks.", IsRequired: false, DefaultValue: "no", Choices: ["no", "yes"]),
        ],
        context => new DemoPmsConnector(
            DemoPractice.Generate(SeedFrom(context.Settings)),
            context.Time,
            new DemoLedger(context.Settings.Value(LedgerField) ?? "sample", context.Settings.Value(RefuseField) == "yes"))
        {
            PageSize = PageSizeFrom(context.Settings),
            DelayPerPage = TimeSpan.FromMilliseconds(int.TryParse(context.Settings.Value(DelayField), CultureInfo.InvariantCulture, out var delay) ? Math.Clamp(delay, 0, 10_000) : 0),
        })
    {
        ServesSampleData = true,
        SystemName = "the Demo PMS",
    };

    public int PageSize { get; init; } = 100;

    public TimeSpan DelayPerPage { get; init; }

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
        ledger.WritePaymentAsync(payment, cancellationToken);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        ledger.FindWrittenPaymentAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        ledger.ReadPaymentTypesAsync(cancellationToken);

    private static int SeedFrom(ConnectorSettings settings) =>
        int.TryParse(settings.Value("seed"), CultureInfo.InvariantCulture, out var seed) ? seed : 42;

    private static int PageSizeFrom(ConnectorSettings settings) =>
        int.TryParse(settings.Value(PageSizeField), CultureInfo.InvariantCulture, out var size) && size is > 0 and <= 1000 ? size : 100;
}
