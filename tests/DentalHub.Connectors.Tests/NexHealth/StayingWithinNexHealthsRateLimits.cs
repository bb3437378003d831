using System.Net;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// NexHealth limits each API key per second and per minute and answers 429 beyond; DentalHub paces itself within the limits
/// and, when another program on the key used them up, waits the window out instead of knocking. Time is a fake clock shared
/// with the double, moved only between requests.
/// </summary>
public sealed class StayingWithinNexHealthsRateLimits : IDisposable
{
    private readonly CountingHttpClients http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Read_MorePagesThanAMinuteAllows_NeverRefusedAndNeverOverTheLimit()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(2_500));
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 2);

        var patients = await NexHealthClockPump.RunAsync(async () => (await connector.Patients().ReadAllAsync(cursor: null)).Rows(), clock, api, http);

        Assert.Equal(2_500, patients.Count);
        var reads = api.Requests.Where(r => r.Path == "/patients").ToList();
        Assert.Equal(1_250, reads.Count);
        Assert.All(reads, r => Assert.Equal(200, r.Status));
        Assert.InRange(MostIn(reads, TimeSpan.FromMinutes(1)), 900, 1_000);
    }

    [Fact]
    public async Task Read_AppointmentsOverManyPages_NeverMoreThanTenASecond()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        for (var i = 1; i <= 120; i++)
        {
            api.Put(NexHealthApiTestDouble.Appointments, NexHealthRecords.Appointment(9000 + i, 1001, 104, 181, clock.GetUtcNow().AddDays(i % 30), 30));
        }
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 2);

        var appointments = await NexHealthClockPump.RunAsync(
            async () => (await Assert.IsAssignableFrom<DentalHub.Connectors.Contract.IReadsAppointments>(connector).Appointments.ReadAllAsync()).Rows(), clock, api, http);

        Assert.Equal(120, appointments.Count);
        var reads = api.Requests.Where(r => r.Path == "/appointments").ToList();
        Assert.All(reads, r => Assert.Equal(200, r.Status));
        Assert.InRange(MostIn(reads, TimeSpan.FromSeconds(1)), 8, 10);
    }

    [Fact]
    public async Task Read_MinuteUsedUpByAnotherProgram_WaitsItOutWithFewTriesAndReadsEverything()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(300));
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 100);
        api.UseUpMinute(NexHealthApiTestDouble.Patients);

        var patients = await NexHealthClockPump.RunAsync(async () => (await connector.Patients().ReadAllAsync(cursor: null)).Rows(), clock, api, http);

        Assert.Equal(300, patients.Count);
        var reads = api.Requests.Where(r => r.Path == "/patients").ToList();
        var refused = reads.Where(r => r.Status == 429).ToList();
        Assert.InRange(refused.Count, 1, 7);
        Assert.True(reads.First(r => r.Status == 200).At - refused[0].At >= TimeSpan.FromSeconds(55), "the first read after the 429s came before the minute was out");
        Assert.Equal(3, reads.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task Read_BurstOf429s_EachWaitedLongerThanTheLastThenCompletes()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(30));
        var connector = NexHealthConnection.Connector(api, http, time: clock, pageSize: 10);
        await NexHealthClockPump.RunAsync(() => connector.Patients().CountPatientsAsync(CancellationToken.None), clock, api, http);
        api.FailNext(4, HttpStatusCode.TooManyRequests, "Too many requests");

        var patients = await NexHealthClockPump.RunAsync(async () => (await connector.Patients().ReadAllAsync(cursor: null)).Rows(), clock, api, http);

        Assert.Equal(30, patients.Count);
        var reads = api.Requests.Where(r => r.Path == "/patients").Skip(1).ToList();
        Assert.Equal([429, 429, 429, 429, 200, 200, 200], reads.Select(r => r.Status));
        var gaps = reads.Take(5).Zip(reads.Skip(1).Take(4), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps.Zip(gaps.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"waited {pair.Second} after waiting {pair.First}"));
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Read_RefusedAsOverTheLimitBeyondEveryRetry_FailsWithAMessage()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Practice(3));
        var connector = NexHealthConnection.Connector(api, http, time: clock);
        await NexHealthClockPump.RunAsync(() => connector.Patients().CountPatientsAsync(CancellationToken.None), clock, api, http);
        api.FailNext(50, HttpStatusCode.TooManyRequests, "Too many requests");

        var error = await Assert.ThrowsAsync<DentalHub.Connectors.NexHealth.NexHealthApiException>(
            () => NexHealthClockPump.RunAsync(async () => (await connector.Patients().ReadAllAsync(cursor: null)).Rows(), clock, api, http));

        Assert.Contains("rate limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + DentalHub.Connectors.NexHealth.NexHealthClient.ReadRetries, api.Requests.Count(r => r.Path == "/patients" && r.Status == 429));
    }

    /// <summary>The most requests the double received within any window of <paramref name="length"/>.</summary>
    private static int MostIn(IReadOnlyList<NexHealthRequest> requests, TimeSpan length)
    {
        var most = 0;
        for (int first = 0, last = 0; last < requests.Count; last++)
        {
            while (requests[last].At - requests[first].At >= length)
            {
                first++;
            }
            most = Math.Max(most, last - first + 1);
        }
        return most;
    }
}
