using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Runs a read against the API double while moving a fake clock forward a second at a time, but only
/// while the double has answered a failure and the connector is waiting to retry. Waits of minutes
/// then take milliseconds, and no request is ever cut short by a timeout on the fake clock.
/// </summary>
public static class ClockPump
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, FakeTimeProvider clock, OpenDentalApiTestDouble api)
    {
        var task = Task.Run(work);
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (api.AwaitingRetry)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            await Task.Delay(5);
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The read did not finish: is a retry waiting on the fake clock?");
            }
        }
        return await task;
    }
}
