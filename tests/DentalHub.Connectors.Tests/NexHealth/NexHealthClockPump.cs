using System.Diagnostics;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// Runs work against the NexHealth double while moving a fake clock shared by both forward, never while a request is on its
/// way or being answered, so every request arrives at the time it left: minutes of pacing and waiting take moments. Steps
/// are small and grow after two seconds without a request (waiting out a 429); back to small at the next request.
/// </summary>
public static class NexHealthClockPump
{
    public static readonly TimeSpan SmallStep = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan LargestStep = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan QuietBeforeLargeSteps = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, FakeTimeProvider clock, NexHealthApiTestDouble api, CountingHttpClients http)
    {
        var task = Task.Run(work);
        var watch = Stopwatch.StartNew();
        var step = SmallStep;
        var answered = api.RequestCount;
        var lastAnswerAt = clock.GetUtcNow();
        while (!task.IsCompleted)
        {
            await Task.Delay(1);
            if (api.Busy || http.InFlight > 0)
            {
                continue;
            }
            var now = api.RequestCount;
            if (now != answered)
            {
                lastAnswerAt = clock.GetUtcNow();
            }
            step = clock.GetUtcNow() - lastAnswerAt < QuietBeforeLargeSteps ? SmallStep : TimeSpan.FromTicks(Math.Min(step.Ticks * 2, LargestStep.Ticks));
            answered = now;
            clock.Advance(step);
            if (watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException("The work did not finish: is it waiting on something the clock does not move?");
            }
        }
        return await task;
    }
}
