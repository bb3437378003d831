namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// Spaces one API key's requests so that they stay within NexHealth's limits (<see cref="NexHealthLimits"/>): the key's
/// requests per second, and each endpoint's per second and per minute, as sliding windows of the times requests were let go.
/// Windows are a little longer than NexHealth's (<see cref="Headroom"/>) because NexHealth counts a request when it arrives,
/// later than when it left. After a 429 the endpoint holds every request of the key until the wait is over, so concurrent
/// reads do not keep hitting the limit. All waiting uses the connector's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RequestPacer(TimeProvider time)
{
    public const double Headroom = 1.05;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1 * Headroom);
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60 * Headroom);

    private readonly object gate = new();
    private readonly Window keyPerSecond = new(NexHealthLimits.PerSecond, Second);
    private readonly Dictionary<string, (Window PerSecond, Window PerMinute)> endpoints = [];
    private readonly Dictionary<string, DateTimeOffset> heldUntil = [];

    /// <summary>Waits until <paramref name="endpoint"/> may send one more request, and counts it as sent.</summary>
    public async Task WaitTurnAsync(string endpoint, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                var windows = WindowsOf(endpoint);
                var free = Latest(Latest(keyPerSecond.FreeAt(now), windows.PerSecond.FreeAt(now)), windows.PerMinute.FreeAt(now));
                if (heldUntil.TryGetValue(endpoint, out var held))
                {
                    free = Latest(free, held);
                }
                if (free <= now)
                {
                    keyPerSecond.Add(now);
                    windows.PerSecond.Add(now);
                    windows.PerMinute.Add(now);
                    return;
                }
                wait = free - now;
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>NexHealth answered 429: nothing more goes to <paramref name="endpoint"/> for <paramref name="wait"/>.</summary>
    public void Hold(string endpoint, TimeSpan wait)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + wait;
            heldUntil[endpoint] = heldUntil.TryGetValue(endpoint, out var held) ? Latest(held, until) : until;
        }
    }

    private (Window PerSecond, Window PerMinute) WindowsOf(string endpoint)
    {
        if (!endpoints.TryGetValue(endpoint, out var windows))
        {
            var (perSecond, perMinute) = NexHealthLimits.For(endpoint);
            windows = (new Window(perSecond, Second), new Window(perMinute, Minute));
            endpoints[endpoint] = windows;
        }
        return windows;
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The times of the last <c>limit</c> requests; the next may go once the oldest is a window old.</summary>
    private sealed class Window(int limit, TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> sent = new();

        public DateTimeOffset FreeAt(DateTimeOffset now)
        {
            while (sent.Count > 0 && sent.Peek() + length <= now)
            {
                sent.Dequeue();
            }
            return sent.Count < limit ? now : sent.Peek() + length;
        }

        public void Add(DateTimeOffset at) => sent.Enqueue(at);
    }
}
