using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>A practice's patients read through NexHealth's cursor pages, then only what changed since.</summary>
public sealed class PagingThroughNexHealth : IDisposable
{
    private readonly TestHttpClientFactory http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task FullRead_ManyPages_ReadsEachPatientOnceWithTheVersionAndTheMaximumPageOnEveryRequest()
    {
        await using var api = await StartAsync(patients: 2_345);

        var pages = await NexHealthConnection.Connector(api, http, time: clock).Patients().ReadAllAsync(cursor: null);

        var ids = pages.Rows().Select(p => p.PmsId).ToList();
        Assert.Equal(2_345, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var lists = api.Requests.Where(r => r.Path == "/patients").ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(api.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("v3.0.0", r.ApiVersion));
        Assert.All(lists, r => Assert.Equal(("1000", "true", "updated_at"), (r.Query["per_page"], r.Query["location_strict"], r.Query["sort"])));
        Assert.False(lists[0].Query.ContainsKey("end_cursor"));
        Assert.True(lists[1].Query.ContainsKey("end_cursor"));
    }

    [Fact]
    public async Task ReadFromCursor_TwoPatientsChangedLater_ReadsOnlyThem()
    {
        await using var api = await StartAsync(patients: 40);
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        var first = await connector.Patients().ReadAllAsync(cursor: null);
        clock.Advance(TimeSpan.FromMinutes(5));
        api.Change(NexHealthApiTestDouble.Patients, 1003, p => p["first_name"] = "Renamed");
        api.Change(NexHealthApiTestDouble.Patients, 1030, p => p["email"] = "new@example.com");

        var second = await connector.Patients().ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(["1003", "1030"], second.Rows().Select(p => p.PmsId).Order());
        Assert.Equal("Renamed", second.Rows().Single(p => p.PmsId == "1003").FirstName);
        Assert.NotNull(api.Requests.Last(r => r.Path == "/patients").Query.GetValueOrDefault("updated_since"));
    }

    [Fact]
    public async Task Read_PatientChangedAfterItsPageWasRead_IsReadAgainBeforeTheReadEnds()
    {
        await using var api = await StartAsync(patients: 30);
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        var seen = new List<PmsPatient>();

        await foreach (var page in connector.Patients().ReadPatientsChangedSince(null, CancellationToken.None))
        {
            if (seen.Count == 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                api.Change(NexHealthApiTestDouble.Patients, long.Parse(page.Rows[0].PmsId, CultureInfo.InvariantCulture), p => p["last_name"] = "Changed");
            }
            seen.AddRange(page.Rows);
        }

        Assert.Equal(31, seen.Count);
        Assert.Equal("Changed", seen[^1].LastName);
    }

    [Fact]
    public async Task Read_StoppedAfterTheFirstPage_ThatPageResumesFromWhereTheReadStarted()
    {
        await using var api = await StartAsync(patients: 30);
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);

        var pages = await connector.Patients().ReadAllAsync(cursor: null);

        Assert.Equal(3, pages.Count);
        Assert.Equal("nexhealth:v1:", pages[0].NextCursor.Value);
        Assert.Equal("nexhealth:v1:", pages[1].NextCursor.Value);
        Assert.StartsWith("nexhealth:v1:2026-03-02T", pages[2].NextCursor.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountPatients_SeveralPages_IsNexHealthsTotal()
    {
        await using var api = await StartAsync(patients: 1_234);

        Assert.Equal(1_234, await NexHealthConnection.Connector(api, http, time: clock).Patients().CountPatientsAsync(CancellationToken.None));
    }

    private async Task<NexHealthApiTestDouble> StartAsync(int patients)
    {
        var api = await NexHealthApiTestDouble.StartAsync(clock);
        foreach (var patient in NexHealthRecords.Practice(patients))
        {
            api.Put(NexHealthApiTestDouble.Patients, patient);
            clock.Advance(TimeSpan.FromMilliseconds(3));
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        return api;
    }
}
