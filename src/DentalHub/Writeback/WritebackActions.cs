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
    /// read back first: a parked command may have arrived, and must not be sent twice.
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
        command.State = command.State == WritebackState.Rejected ? WritebackState.Pending : WritebackState.Unknown;
        command.Attempts = 0;
        command.ReconcileAttempts = 0;
        command.NextAttemptAt = time.GetUtcNow();
        command.UpdatedAt = time.GetUtcNow();
        command.Version++;
        audit.Add(db, actor, "writeback.retried", $"Writeback {command.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        WritebackLog.ChangedByStaff(logger, command.Id, command.Kind, command.ConnectionId, from, command.State, actor.Kind);
        signal.Wake();
        return true;
    }

    /// <summary>The person recorded it in the target themselves: nothing is sent, and its alerts close.</summary>
    public async Task<bool> MarkPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid commandId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var command = await db.WritebackCommands.FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is null || command.State is not (WritebackState.Rejected or WritebackState.NeedsReview))
        {
            return false;
        }
        var from = command.State;
        var now = time.GetUtcNow();
        command.State = WritebackState.HandledByHand;
        command.TargetId = "manual";
        command.UpdatedAt = now;
        command.Version++;
        audit.Add(db, actor, "writeback.posted-by-hand", $"Writeback {command.Reference}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (targetsByKind.GetValueOrDefault(command.Kind) is { } target)
        {
            await Alerts.AlertClosing.CloseAsync(db, command.SubjectId, target.AlertKinds, $"posted by hand ({actor.Name})", now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        WritebackLog.ChangedByStaff(logger, command.Id, command.Kind, command.ConnectionId, from, command.State, actor.Kind);
        return true;
    }

    /// <summary>
    /// Takes back "posted by hand" (clicked by mistake, or the entry in the target was deleted): the command is
    /// parked for review again, so a retry reads the target back before anything is sent.
    /// </summary>
    public async Task<bool> UndoPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid commandId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var command = await db.WritebackCommands.FirstOrDefaultAsync(c => c.Id == commandId, cancellationToken);
        if (command is not { State: WritebackState.HandledByHand })
        {
            return false;
        }
        command.State = WritebackState.NeedsReview;
        command.TargetId = null;
        command.LastError ??= "Marked posted by hand, then undone.";
        command.UpdatedAt = time.GetUtcNow();
        command.Version++;
        audit.Add(db, actor, "writeback.posted-by-hand-undone", $"Writeback {command.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
