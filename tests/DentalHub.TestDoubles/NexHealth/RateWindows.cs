namespace DentalHub.TestDoubles.NexHealth;

/// <summary>
/// NexHealth's limits for one key (docs.nexhealth.com/v2.2.2/reference/rate-limiting) as sliding windows on the double's
/// clock: 100 requests a second for the key, 10 a second for appointments, and a minute's 1,000 for patients and
/// appointments, 2,000 for each other endpoint. Refused requests are not counted. Callers hold the double's gate.
/// </summary>
internal sealed class RateWindows(TimeProvider clock)
{
    public const int KeyPerSecond = 100;
    public const int AppointmentsPerSecond = 10;
    public const int PatientsAndAppointmentsPerMinute = 1000;
    public const int OthersPerMinute = 2000;

    private readonly Queue<DateTimeOffset> key = new();
    private readonly Dictionary<string, (Queue<DateTimeOffset> Second, Queue<DateTimeOffset> Minute)> endpoints = [];

    public static int PerMinute(string endpoint) => endpoint is "patients" or "appointments" ? PatientsAndAppointmentsPerMinute : OthersPerMinute;

    public static int PerSecond(string endpoint) => endpoint is "appointments" ? AppointmentsPerSecond : KeyPerSecond;

    public bool TryTake(string endpoint)
    {
        var now = clock.GetUtcNow();
        var (second, minute) = Of(endpoint);
        if (Full(key, KeyPerSecond, TimeSpan.FromSeconds(1), now) || Full(second, PerSecond(endpoint), TimeSpan.FromSeconds(1), now)
            || Full(minute, PerMinute(endpoint), TimeSpan.FromMinutes(1), now))
        {
            return false;
        }
        key.Enqueue(now);
        second.Enqueue(now);
        minute.Enqueue(now);
        return true;
    }

    public void UseUp(string endpoint)
    {
        var now = clock.GetUtcNow();
        var minute = Of(endpoint).Minute;
        while (minute.Count < PerMinute(endpoint))
        {
            minute.Enqueue(now);
        }
    }

    private (Queue<DateTimeOffset> Second, Queue<DateTimeOffset> Minute) Of(string endpoint)
    {
        if (!endpoints.TryGetValue(endpoint, out var windows))
        {
            windows = (new Queue<DateTimeOffset>(), new Queue<DateTimeOffset>());
            endpoints[endpoint] = windows;
        }
        return windows;
    }

    private static bool Full(Queue<DateTimeOffset> window, int limit, TimeSpan length, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() + length <= now)
        {
            window.Dequeue();
        }
        return window.Count >= limit;
    }
}
