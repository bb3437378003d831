using DentalHub.Tenancy;

namespace DentalHub.Connections;

/// <summary>
/// A practice's configured link to an external system through one connector. Secrets are stored
/// encrypted (Data Protection) and are never sent back to a browser.
/// </summary>
public sealed class Connection : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string ConnectorKey { get; init; }
    public required string Name { get; set; }

    /// <summary>Non-secret settings as a JSON object of field name to value.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Secret settings, as a JSON object encrypted with the connection-secrets protector.</summary>
    public string? ProtectedSecrets { get; set; }

    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastCheckAt { get; set; }
    public bool? LastCheckSucceeded { get; set; }
    public string? LastCheckMessage { get; set; }

    public SyncSchedule SyncSchedule { get; set; } = SyncSchedule.Daily;

    /// <summary>For a daily schedule: the practice-local time of day.</summary>
    public TimeOnly SyncDailyAt { get; set; } = new(5, 0);

    /// <summary>For an interval schedule: minutes between runs.</summary>
    public int SyncIntervalMinutes { get; set; } = 60;

    /// <summary>When data was last read from the system successfully (set by sync).</summary>
    public DateTimeOffset? LastSuccessfulReadAt { get; set; }

    /// <summary>When a write to the system was last confirmed (set by writeback).</summary>
    public DateTimeOffset? LastSuccessfulWriteAt { get; set; }
}

/// <summary>How often a connection reads from its system.</summary>
public enum SyncSchedule
{
    /// <summary>Once a day at a practice-local time (the default: quiet hours, little load on the PMS).</summary>
    Daily,
    Hourly,
    Interval,
}
