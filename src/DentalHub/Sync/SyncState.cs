using DentalHub.Tenancy;

namespace DentalHub.Sync;

/// <summary>
/// Per connection and resource: where the next read resumes, and who is syncing it now. The cursor is
/// saved in the same transaction as the page it follows, so a crash resumes without losing or
/// doubling rows; the lease keeps one run at a time across nodes.
/// </summary>
public sealed class SyncState : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string Resource { get; init; }
    public string? Cursor { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>When the last complete read of everything began (the first read, or a daily re-read, <see cref="DailyFullRead"/>).</summary>
    public DateTimeOffset? LastFullReadAt { get; set; }
}

/// <summary>One sync run, for progress while it runs and for the history afterwards.</summary>
public sealed class SyncRun : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string Resource { get; init; }
    public SyncTrigger Trigger { get; init; }
    public SyncRunStatus Status { get; set; }
    public bool FullRead { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int? Expected { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public int Warnings { get; set; }

    /// <summary>Records the PMS reported as deleted in this run.</summary>
    public int Deleted { get; set; }

    public string? Error { get; set; }
}

public enum SyncRunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The process stopped mid-run; the next run resumes from the saved cursor.</summary>
    Interrupted,
}

public enum SyncTrigger
{
    Schedule,
    Manual,
}

/// <summary>The names of the resources a connection syncs, as stored in sync state, runs, jobs and failures.</summary>
public static class SyncResources
{
    public const string Patients = "patients";
    public const string Providers = "providers";
    public const string Operatories = "operatories";
    public const string AppointmentTypes = "appointment-types";
    public const string Clinics = "clinics";
    public const string Appointments = "appointments";
    public const string Schedules = "schedules";
    public const string InsurancePlans = "insurance-plans";
    public const string Coverages = "coverages";
    public const string Claims = "claims";
    public const string LedgerEntries = "ledger";
    public const string Balances = "balances";
}
