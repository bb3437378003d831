using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// The ledger read through Open Dental's API (the test double): lines and signs from the account endpoints,
/// what a later read returns, and how adjustments (which need a PatNum) are found.
/// </summary>
public sealed class ReadingTheLedgerThroughTheApi : IAsyncLifetime
{
    private static readonly DateTime Stamped = new(2024, 3, 1, 10, 0, 0);
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;

    public async Task InitializeAsync()
    {
        api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([new DoublePatient(10, "Ann", "Lee", Stamped, Guarantor: 10), new DoublePatient(11, "Ben", "Lee", Stamped, Guarantor: 10), new DoublePatient(12, "Cy", "Lee", Stamped, Guarantor: 10)]);
        api.Put("procedurelogs", 1, AccountItems.Procedure(1, 10, "C", "130.00"), Stamped);
        api.Put("procedurelogs", 2, AccountItems.Procedure(2, 11, "C", "1045.5"), Stamped);
        api.Put("procedurelogs", 3, AccountItems.Procedure(3, 11, "TP", "99"), Stamped);
        api.Put("procedurelogs", 4, AccountItems.Procedure(4, 10, "C", "40.10", unitQty: 2, baseUnits: 1), Stamped);
        api.Put("paysplits", 7, AccountItems.Split(7, 900, 10, 50.25), Stamped);
        api.Put("paysplits", 8, AccountItems.Split(8, 900, 11, 49.75), Stamped);
        api.Put("adjustments", 3, AccountItems.Adjustment(3, 10, -130), Stamped);
        api.Put("adjustments", 4, AccountItems.Adjustment(4, 12, 25, "Finance Charge"), Stamped);
        api.Put("claimprocs", 5, AccountItems.ClaimProc(5, 44, 11, "Received", 600.4, 95.1), Stamped);
        api.Put("claimprocs", 6, AccountItems.ClaimProc(6, 45, 10, "NotReceived", 300, 0), Stamped);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    private IChangeFeed<PmsLedgerEntry> Ledger() => Assert.IsAssignableFrom<IReadsLedger>(ApiConnection.Connector(api, http)).LedgerEntries;

    private async Task<List<ChangePage<PmsLedgerEntry>>> ReadAsync(SyncCursor? cursor = null)
    {
        var pages = new List<ChangePage<PmsLedgerEntry>>();
        await foreach (var page in Ledger().ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    [Fact]
    public async Task FirstRead_Account_EveryLineWithItsSign()
    {
        var pages = await ReadAsync();

        var lines = pages.SelectMany(p => p.Rows).ToDictionary(e => e.PmsId);
        var march1 = new DateOnly(2024, 3, 1);
        Assert.Equal(new PmsLedgerEntry("proc:1", "10", PmsLedgerKind.Charge, march1, 130.00m, "D2391", "resin-based composite - one surface, posterior", "1", null, "1"), lines["proc:1"]);
        Assert.Equal(120.30m, lines["proc:4"].Amount);
        Assert.Equal(new PmsLedgerEntry("split:7", "10", PmsLedgerKind.PatientPayment, new DateOnly(2024, 3, 5), -50.25m, null, null, "1", null, "900"), lines["split:7"]);
        Assert.Equal((-49.75m, "11", "900"), (lines["split:8"].Amount, lines["split:8"].PatientPmsId, lines["split:8"].SourcePmsId));
        Assert.Equal((PmsLedgerKind.Adjustment, -130.00m, "Misc Neg Adjustment"), (lines["adj:3"].Kind, lines["adj:3"].Amount, lines["adj:3"].Description));
        Assert.Equal(new PmsLedgerEntry("cpins:5", "11", PmsLedgerKind.InsurancePayment, new DateOnly(2024, 3, 20), -600.40m, "D2740", null, "1", null, "44"), lines["cpins:5"]);
        Assert.Equal((PmsLedgerKind.WriteOff, -95.10m), (lines["cpwo:5"].Kind, lines["cpwo:5"].Amount));
        Assert.DoesNotContain("cpins:6", lines.Keys);
        Assert.Contains("proc:3", pages.SelectMany(p => p.Deleted));
    }

    [Fact]
    public async Task FirstRead_Adjustments_AskedForOnlyForPatientsWithAccountActivity()
    {
        var lines = (await ReadAsync()).SelectMany(p => p.Rows).Select(e => e.PmsId).ToList();

        // Patient 12 has nothing but an adjustment: without a PatNum to ask for, it is not found.
        Assert.DoesNotContain("adj:4", lines);
        Assert.Equal(["10", "11"], api.Requests.Where(r => r.Path == "/api/v1/adjustments").Select(r => r.Query["PatNum"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NextRead_SplitAndProcedureChanged_ReturnsThemAndTheAdjustmentsOfThosePatients()
    {
        var first = await ReadAsync();
        var after = api.OfficeNow.AddSeconds(2);

        api.Put("procedurelogs", 2, AccountItems.Procedure(2, 11, "D", "1045.5"), after);
        api.Put("paysplits", 7, AccountItems.Split(7, 900, 10, 60.25), after);
        api.Put("adjustments", 4, AccountItems.Adjustment(4, 12, 25, "Finance Charge"), after);
        api.Put("adjustments", 5, AccountItems.Adjustment(5, 10, -10, "Cash Discount"), after);
        var next = await ReadAsync(first[^1].NextCursor);

        Assert.Equal(["adj:5", "split:7"], next.SelectMany(p => p.Rows).Select(e => e.PmsId).Order(StringComparer.Ordinal));
        Assert.Equal(["proc:2"], next.SelectMany(p => p.Deleted));
        Assert.Equal(-60.25m, next.SelectMany(p => p.Rows).Single(e => e.PmsId == "split:7").Amount);
    }

    [Fact]
    public async Task NextRead_NothingChanged_ReturnsNothing()
    {
        var first = await ReadAsync();

        Assert.Empty(await ReadAsync(first[^1].NextCursor));
    }
}
