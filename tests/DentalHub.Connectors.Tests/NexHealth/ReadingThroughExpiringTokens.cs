using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>NexHealth's bearer tokens last an hour; a long sync outlives one and must neither fail nor lose a page.</summary>
public sealed class ReadingThroughExpiringTokens : IDisposable
{
    private readonly TestHttpClientFactory http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Read_TokenRefusedMidSync_FetchesOneNewTokenAndReadsEveryPatient()
    {
        await using var api = await StartAsync();
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        var ids = new List<string>();

        await foreach (var page in connector.Patients().ReadPatientsChangedSince(null, CancellationToken.None))
        {
            if (ids.Count == 0)
            {
                api.ExpireTokens();
            }
            ids.AddRange(page.Rows.Select(p => p.PmsId));
        }

        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, ids.Count);
        Assert.Equal(2, api.TokensIssued);
        Assert.Equal(1, api.Requests.Count(r => r.Status == 401));
    }

    [Fact]
    public async Task Read_TokenNearItsHour_ReplacedBeforeTheNextRequestWithoutARefusal()
    {
        await using var api = await StartAsync();
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        var ids = new List<string>();

        await foreach (var page in connector.Patients().ReadPatientsChangedSince(null, CancellationToken.None))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            ids.AddRange(page.Rows.Select(p => p.PmsId));
        }

        Assert.Equal(50, ids.Distinct().Count());
        Assert.DoesNotContain(api.Requests, r => r.Status == 401);
        Assert.Equal(2, api.TokensIssued);
    }

    [Fact]
    public async Task Reads_SeveralAtOnceAfterTheTokenLapsed_FetchOneTokenBetweenThem()
    {
        await using var api = await StartAsync();
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        await connector.Patients().CountPatientsAsync(CancellationToken.None);
        api.ExpireTokens();

        var counts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () => (await connector.Patients().ReadAllAsync(cursor: null)).Rows().Count)));

        Assert.All(counts, count => Assert.Equal(50, count));
        Assert.Equal(2, api.TokensIssued);
    }

    [Fact]
    public async Task Connectors_OfOneKey_ShareItsToken()
    {
        await using var api = await StartAsync();

        await NexHealthConnection.Connector(api, http, time: clock).Patients().CountPatientsAsync(CancellationToken.None);
        await NexHealthConnection.Connector(api, http, time: clock).Patients().CountPatientsAsync(CancellationToken.None);

        Assert.Equal(1, api.TokensIssued);
    }

    [Fact]
    public async Task Reads_ClockHoursAheadOfNexHealths_KeepUsingOneToken()
    {
        await using var api = await StartAsync();
        var ahead = new FakeTimeProvider(clock.GetUtcNow().AddHours(3));
        var connector = NexHealthConnection.Connector(api, http, time: ahead, pageSize: 10);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(50, (await connector.Patients().ReadAllAsync(cursor: null)).Rows().Count);
        }

        Assert.Equal(1, api.TokensIssued);
    }

    private async Task<NexHealthApiTestDouble> StartAsync()
    {
        var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(50));
        clock.Advance(TimeSpan.FromMinutes(1));
        return api;
    }
}
