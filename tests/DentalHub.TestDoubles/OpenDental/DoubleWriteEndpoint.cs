namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// One creating endpoint of the double (<c>POST /payments</c>, <c>POST /commlogs</c>): the bodies as sent, the
/// faults queued for its next requests, and how it times its answers. Guarded by the double's lock.
/// </summary>
public sealed class DoubleWriteEndpoint(object gate)
{
    private readonly Queue<PaymentFault> faults = new();
    private readonly List<string> bodies = [];
    private TimeSpan hold = TimeSpan.FromSeconds(10);
    private TimeSpan latency = TimeSpan.Zero;
    private string retryAfter = "30";

    /// <summary>How long <see cref="PaymentFault.TimeoutAfterCommit"/> holds the answer.</summary>
    public TimeSpan Hold
    {
        get { lock (gate) { return hold; } }
        set { lock (gate) { hold = value; } }
    }

    /// <summary>How long every answer takes: the record is kept at once, the answer comes this much later.</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set { lock (gate) { latency = value; } }
    }

    /// <summary>The Retry-After header <see cref="PaymentFault.Status429"/> sends (seconds or an HTTP date).</summary>
    public string RetryAfter
    {
        get { lock (gate) { return retryAfter; } }
        set { lock (gate) { retryAfter = value; } }
    }

    /// <summary>The JSON bodies of every POST, as sent.</summary>
    public IReadOnlyList<string> Bodies
    {
        get { lock (gate) { return bodies.ToList(); } }
    }

    /// <summary>How many POSTs arrived, whatever happened to them.</summary>
    public int Posts
    {
        get { lock (gate) { return bodies.Count; } }
    }

    /// <summary>
    /// Called with a POST's body the moment its record is kept (under the double's lock, so keep it short): benchmarks
    /// time each write to it, whatever the answer then does.
    /// </summary>
    public Action<string>? Stored { get; set; }

    public void FailNext(PaymentFault fault, int count = 1)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Forgets the faults not met yet: the endpoint is healthy from now on.</summary>
    public void ClearFaults()
    {
        lock (gate)
        {
            faults.Clear();
        }
    }

    /// <summary>Notes a POST's body. Callers hold the gate.</summary>
    internal void Arrived(string body) => bodies.Add(body);

    /// <summary>The fault the next authorized POST meets, if one is queued. Callers hold the gate.</summary>
    internal PaymentFault? NextFault() => faults.TryDequeue(out var fault) ? fault : null;
}
