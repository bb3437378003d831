namespace DentalHub.Writeback;

/// <summary>How patient the dispatcher is. Defaults suit a PMS API on the other side of the internet.</summary>
public sealed record WritebackPolicy
{
    /// <summary>After this many "try later" answers a command is parked for review.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>After this many reconciliations that could not check, a command is parked for review.</summary>
    public int MaxReconcileAttempts { get; init; } = 6;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after an unknown outcome the target is read back: a request that timed out on our side
    /// may still be committing on theirs, and reading too early would find nothing and resend.
    /// </summary>
    public TimeSpan ReconcileDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a write a target took but has not confirmed is waited for before a person is asked (NexHealth retries its
    /// webhooks for 48 hours): meanwhile it is looked for on the retry backoff, and a report wakes it at once.
    /// </summary>
    public TimeSpan ConfirmationWait { get; init; } = TimeSpan.FromDays(3);

    /// <summary>A command "Sending" for longer than this was abandoned by a dispatcher that died.</summary>
    public TimeSpan SendingTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait before trying a connection again that said it cannot take writes until a person acts.</summary>
    public TimeSpan ConnectionProblemDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How many commands (each of a different order key) one dispatcher sends at once.</summary>
    public int MaxConcurrentSends { get; init; } = 8;

    /// <summary>Exponential backoff with full jitter, so many practices retrying do not align.</summary>
    public TimeSpan RetryDelay(int attempt, Random random)
    {
        var ceiling = Math.Min(MaxRetryDelay.TotalMilliseconds, FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
