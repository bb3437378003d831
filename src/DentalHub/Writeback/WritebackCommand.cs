using DentalHub.Tenancy;

namespace DentalHub.Writeback;

/// <summary>
/// One write to an external system, recorded in the same transaction as the change that caused it
/// and sent by the dispatcher. Nothing in a failed, unknown or review state is ever pruned.
/// </summary>
public sealed class WritebackCommand : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string Kind { get; init; }

    /// <summary>What the command writes (the payment's id, the message's for a commlog), for showing its state beside it.</summary>
    public Guid SubjectId { get; init; }

    /// <summary>Commands with the same key are sent in order (a patient's payments; a patient's commlogs, keyed apart).</summary>
    public required string OrderKey { get; init; }

    /// <summary>Our marker, stored in the target so a write can be found again.</summary>
    public required string Reference { get; init; }

    /// <summary>The write itself, as the connector receives it (JSON).</summary>
    public required string PayloadJson { get; init; }

    public WritebackState State { get; set; }
    public int Attempts { get; set; }
    public int ReconcileAttempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SendingSince { get; set; }
    public string? LastError { get; set; }

    /// <summary>The target's own id once confirmed (Open Dental PayNum), or "manual" when staff posted it by hand.</summary>
    public string? TargetId { get; set; }

    /// <summary>When a target that writes later first took it (or may have): its wait for confirmation is counted from here.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>What staff read while it waits for confirmation, in the target's words ("Sent to NexHealth, waiting for Dentrix.").</summary>
    public string? AcceptedNote { get; set; }

    /// <summary>The state a person marked it posted by hand from; undoing it returns there.</summary>
    public WritebackState? HandledFrom { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes with every transition; a claim succeeds only on the version it read.</summary>
    public int Version { get; set; }

    /// <summary>A write about one subject to send at once: pending from <paramref name="now"/>, its payload as the connector receives it.</summary>
    public static WritebackCommand Pending<TPayload>(
        Guid practiceId, Guid connectionId, string kind, Guid subjectId, string orderKey, string reference, TPayload payload, DateTimeOffset now) => new()
    {
        PracticeId = practiceId,
        ConnectionId = connectionId,
        Kind = kind,
        SubjectId = subjectId,
        OrderKey = orderKey,
        Reference = reference,
        PayloadJson = System.Text.Json.JsonSerializer.Serialize(payload),
        State = WritebackState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

public enum WritebackState
{
    /// <summary>Waiting to be sent (or re-sent after the target confirmed it does not have it).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher; if it stays here the dispatcher died and it is reconciled.</summary>
    Sending,

    Confirmed,

    /// <summary>The target refused it; a person decides (retry after fixing, or post by hand).</summary>
    Rejected,

    /// <summary>It may or may not have arrived: the target is read back before anything is sent again.</summary>
    Unknown,

    /// <summary>
    /// Taken by a target that writes later (or perhaps taken): looked for again on a backoff and confirmed by the target's
    /// report or by finding it; never sent again by the engine (decision 16).
    /// </summary>
    Accepted,

    /// <summary>Kept failing or could not be reconciled: parked for a person, without blocking others.</summary>
    NeedsReview,

    /// <summary>A person recorded it in the target by hand.</summary>
    HandledByHand,
}

public static class WritebackKinds
{
    public const string Payment = "payment";
    public const string Deposit = "deposit";
    public const string Commlog = "commlog";
    public const string Adjustment = "adjustment";
    public const string Appointment = "appointment";
    public const string ClaimUpdate = "claim-update";
    public const string Document = "document";

    /// <summary>A profile added to the PMS as a new patient before its first booking is sent.</summary>
    public const string NewPatient = "new-patient";
}
