using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Family balances through Open Dental's API: one pass over the families per office day, each family's aging
/// from <c>GET /accountmodules/{PatNum}/Aging</c>, resumable, and nothing more until the office's next day.
/// </summary>
public sealed class ReadingFamilyBalancesThroughTheApi : IAsyncLifetime
{
    private static readonly DateTime Stamped = new(2024, 3, 1, 10, 0, 0);
    private readonly FakeTimeProvider office = new(new DateTimeOffset(2024, 4, 2, 16, 0, 0, TimeSpan.Zero));
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;

    public async Task InitializeAsync()
    {
        office.SetLocalTimeZone(TimeZoneInfo.Utc);
        api = await OpenDentalApiTestDouble.StartAsync(office);
        api.Add(
        [
            new DoublePatient(10, "Ann", "Lee", Stamped, Guarantor: 10),
            new DoublePatient(11, "Ben", "Lee", Stamped, Guarantor: 10),
            new DoublePatient(20, "Cy", "Park", Stamped, Guarantor: 20),
            new DoublePatient(30, "Di", "Ng", Stamped, Guarantor: 0),
            new DoublePatient(40, "Ed", "Gone", Stamped, Guarantor: 40, PatStatus: "Deleted"),
        ]);
        api.SetAging(10, AccountItems.Aging(120.10, 338.30, 300, aged31To60: 18.2, over90: 200));
        api.SetAging(20, AccountItems.Aging(0, -25.5, 0));
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    private async Task<List<ChangePage<PmsFamilyBalance>>> ReadAsync(SyncCursor? cursor = null)
    {
        var feed = Assert.IsAssignableFrom<IReadsBalances>(ApiConnection.Connector(api, http)).Balances;
        var pages = new List<ChangePage<PmsFamilyBalance>>();
        await foreach (var page in feed.ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    [Fact]
    public async Task FirstRead_Families_EachGuarantorsAgingAndTheOthersReportedDeleted()
    {
        var pages = await ReadAsync();

        var balances = pages.SelectMany(p => p.Rows).ToDictionary(b => b.PmsId);
        Assert.Equal(new PmsFamilyBalance("10", "10", 120.10m, 18.20m, 0m, 200.00m, 338.30m, 300.00m, 38.30m), balances["10"]);
        Assert.Equal(new PmsFamilyBalance("20", "20", 0m, 0m, 0m, 0m, -25.50m, 0m, -25.50m), balances["20"]);
        Assert.Equal(["10", "20", "30"], balances.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["11"], pages.SelectMany(p => p.Deleted));
        Assert.Equal(["10", "20", "30"], api.Requests.Where(r => r.Path.EndsWith("/Aging", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[^2]));
    }

    [Fact]
    public async Task NextRead_SameOfficeDay_ReadsNothingMore()
    {
        var first = await ReadAsync();
        var requests = api.Requests.Count;

        office.Advance(TimeSpan.FromHours(3));
        var again = await ReadAsync(first[^1].NextCursor);

        Assert.Empty(again);
        // Only the one-patient request that tells the office's date.
        Assert.Equal(requests + 1, api.Requests.Count);
    }

    [Fact]
    public async Task NextRead_NextOfficeDay_ReadsEveryFamilyAgain()
    {
        var first = await ReadAsync();
        api.SetAging(20, AccountItems.Aging(0, 0, 0));

        office.Advance(TimeSpan.FromHours(9));
        var next = await ReadAsync(first[^1].NextCursor);

        var balances = next.SelectMany(p => p.Rows).ToDictionary(b => b.PmsId);
        Assert.Equal(["10", "20", "30"], balances.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0m, balances["20"].Total);
    }
}
