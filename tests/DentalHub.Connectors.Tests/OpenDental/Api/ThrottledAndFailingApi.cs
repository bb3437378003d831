using System.Globalization;
using System.Net;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Open Dental throttles reads (429 with Retry-After) and its relay can fail for a while: the
/// connector waits as told, backs off on errors, and gives up with a clear message after a bounded
/// number of tries. Time is a fake clock, so minutes of waiting take milliseconds.
/// </summary>
public sealed class ThrottledAndFailingApi : IDisposable
{
    private readonly TestHttpClientFactory http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Read_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        await using var api = await StartAsync();
        api.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: "7");

        var rows = await ReadAsync(api);

        Assert.Equal(120, rows);
        Assert.Equal([429, 200, 200], api.Requests.Select(r => r.Status));
        Assert.True(api.Requests[1].At - api.Requests[0].At >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Read_429WithRetryAfterDate_WaitsUntilThenThenSucceeds()
    {
        await using var api = await StartAsync();
        api.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: clock.GetUtcNow().AddSeconds(40).ToString("R", CultureInfo.InvariantCulture));

        var rows = await ReadAsync(api);

        Assert.Equal(120, rows);
        Assert.True(api.Requests[1].At - api.Requests[0].At >= TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Read_RepeatedServerErrors_BacksOffThenSucceeds()
    {
        await using var api = await StartAsync();
        api.FailNext(3, HttpStatusCode.InternalServerError);

        var rows = await ReadAsync(api);

        Assert.Equal(120, rows);
        Assert.Equal([500, 500, 500, 200, 200], api.Requests.Select(r => r.Status));
        // Each retry waited on the connector's clock after a failure.
        Assert.All(api.Requests.Take(3).Zip(api.Requests.Skip(1)), pair => Assert.True(pair.Second.At > pair.First.At));
    }

    [Fact]
    public async Task Read_ServerErrorsBeyondTheRetryLimit_FailsWithAClearMessage()
    {
        await using var api = await StartAsync();
        api.FailNext(20, HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<OpenDentalApiException>(() => ReadAsync(api));

        Assert.Equal(1 + ApiResilience.ReadRetries, api.Requests.Count);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Contains("eConnector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RetryAfterLongerThanASyncWaits_FailsAtOnce()
    {
        await using var api = await StartAsync();
        api.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: "3600");

        var error = await Assert.ThrowsAsync<OpenDentalApiException>(() => ReadAsync(api));

        Assert.Single(api.Requests);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("The next sync will try again.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RepeatedServerErrors_RetriesOnceThenExplains()
    {
        await using var api = await StartAsync();
        api.FailNext(5, HttpStatusCode.BadGateway);

        var result = await ClockPump.RunAsync(
            () => ApiConnection.Connector(api, http, clock).CheckConnectionAsync(CancellationToken.None), clock, api);

        Assert.False(result.Succeeded);
        Assert.Equal(1 + ApiResilience.CheckRetries, api.Requests.Count);
        Assert.Contains("HTTP 502", result.Message, StringComparison.Ordinal);
    }

    private async Task<OpenDentalApiTestDouble> StartAsync()
    {
        var api = await OpenDentalApiTestDouble.StartAsync(clock);
        api.Add(DoublePatient.Practice(120, new DateTime(2024, 3, 1, 10, 0, 0)));
        return api;
    }

    private Task<int> ReadAsync(OpenDentalApiTestDouble api) => ClockPump.RunAsync(async () =>
        (await ApiConnection.Connector(api, http, clock).Patients().ReadAllAsync(cursor: null)).Rows().Count, clock, api);
}
