using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>What a person can do with a command that did not go through: retry it, or record that they posted it by hand.</summary>
public sealed class WritebackActions(
    DentalHubDbFactory databases, IEnumerable<IWritebackTarget> targets, WritebackSignal signal, AuditLog audit, TimeProvider time, ILogger<WritebackActions> logger)
{
    private readonly Dictionary<string, IWritebackTarget> targetsByKind = targets.ToDictionary(t => t.Kind);

    /// <summary>
    /// Refused commands are sent again (the target said no, so it does not have them). Parked ones are
    /// read back first: a parked command may have arrived, and must not be sent twice; except one a target took and never
    /// showed, parked for a person to look for it in the PMS: retrying it says it is not there, so it is sent again.
    /// </summary>
    public async Task<bool> RetryAsync(TenantScope tenant, AuditActor actor, Guid commandId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var command = await db.WritebackCommands.FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is null || command.State is not (WritebackState.Rejected or WritebackState.NeedsReview))
        {
            return false;
        }
        var from = command.State;
        // A write a target took and never showed was parked for a person to look for it: retrying it says it is not there.
        command.State = command.State == WritebackState.Rejected || command.AcceptedAt is not null ? WritebackState.Pending : WritebackState.Unknown;
        command.Attempts = 0;
        command.ReconcileAttempts = 0;
        // A new send waits for its own confirmation; what was reported about the last one no longer decides.
        command.AcceptedAt = null;
        command.AcceptedNote = null;
        command.NextAttemptAt = time.GetUtcNow();
        command.UpdatedAt = time.GetUtcNow();
        command.Version++;
        audit.Add(db, actor, "writeback.retried", $"Writeback {command.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        WritebackLog.ChangedByStaff(logger, command.Id, command.Kind, command.ConnectionId, from, command.State, actor.Kind);
        signal.Wake();
        return true;
    }

    /// <summary>
    /// The person recorded it in the target themselves: nothing is sent, and its alerts close. A write not sent yet
    /// (waiting for the daily batch or for the processor's details) can be marked too, so it never lands on top of theirs.
    /// </summary>
    public async Task<bool> MarkPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid commandId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var command = await db.WritebackCommands.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is null || !CanMarkPostedByHand(command))
        {
            return false;
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // On the version read: a dispatcher that claimed the write since then sends it, and nothing is marked.
        var marked = await db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == command.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, WritebackState.HandledByHand)
                .SetProperty(c => c.HandledFrom, command.State)
                .SetProperty(c => c.TargetId, "manual")
                .SetProperty(c => c.UpdatedAt, now)
                .SetProperty(c => c.Version, command.Version + 1), cancellationToken);
        if (marked == 0)
        {
            return false;
        }
        audit.Add(db, actor, "writeback.posted-by-hand", $"Writeback {command.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        if (targetsByKind.GetValueOrDefault(command.Kind) is { } target)
        {
            await Alerts.AlertClosing.CloseAsync(db, command.SubjectId, target.AlertKinds, $"posted by hand ({actor.Name})", now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        WritebackLog.ChangedByStaff(logger, command.Id, command.Kind, command.ConnectionId, command.State, WritebackState.HandledByHand, actor.Kind);
        return true;
    }

    /// <summary>Refused or parked for a person, or certainly never sent (waiting for its batch or the processor's details).</summary>
    public static bool CanMarkPostedByHand(WritebackCommand command) =>
        command.State is WritebackState.Rejected or WritebackState.NeedsReview || NeverSent(command);

    private static bool NeverSent(WritebackCommand command) =>
        command is { State: WritebackState.Pending, Attempts: 0, ReconcileAttempts: 0, LastError: null, SendingSince: null };

    /// <summary>
    /// Takes back "posted by hand" (clicked by mistake, or the entry in the target was deleted): the write returns to
    /// the state it was marked from, so nothing is sent twice. One never sent is queued again as it was; one the target
    /// refused, or that may have arrived, waits for a person's retry (which reads the target back first when it may
    /// be there). Null when it is not marked posted by hand; else what happens next, in words.
    /// </summary>
    public async Task<string?> UndoPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid commandId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var command = await db.WritebackCommands.FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is not { State: WritebackState.HandledByHand })
        {
            return null;
        }
        var back = command.HandledFrom ?? WritebackState.NeedsReview;
        command.State = back;
        command.HandledFrom = null;
        command.TargetId = null;
        command.UpdatedAt = time.GetUtcNow();
        command.Version++;
        audit.Add(db, actor, "writeback.posted-by-hand-undone", $"Writeback {command.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        WritebackLog.ChangedByStaff(logger, command.Id, command.Kind, command.ConnectionId, WritebackState.HandledByHand, back, actor.Kind);
        if (back == WritebackState.Pending)
        {
            signal.Wake();
        }
        return back switch
        {
            WritebackState.Pending => "No longer marked as posted by hand. It was never sent, so it is queued to be recorded as before.",
            WritebackState.Rejected => "No longer marked as posted by hand. It was refused when it was sent, so DentalHub does not send it again by itself: Retry it once the cause is fixed.",
            _ => "No longer marked as posted by hand. It may have arrived when it was sent, so DentalHub sends nothing by itself: Retry checks the PMS first.",
        };
    }
}
