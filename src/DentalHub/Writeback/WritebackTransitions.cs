using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>Where a command goes next, decided by its outcome.</summary>
public sealed record WritebackTransition(WritebackState State, string? Error, string? TargetId, TimeSpan Delay, bool CountsAttempt, bool CountsReconcile)
{
    public static WritebackTransition Confirm(string targetId) => new(WritebackState.Confirmed, null, targetId, TimeSpan.Zero, false, false);
    public static WritebackTransition Reject(string reason) => new(WritebackState.Rejected, reason, null, TimeSpan.Zero, true, false);
    public static WritebackTransition Retry(string reason, TimeSpan delay) => new(WritebackState.Pending, reason, null, delay, true, false);
    public static WritebackTransition Unknown(string reason, TimeSpan delay) => new(WritebackState.Unknown, reason, null, delay, true, false);
    public static WritebackTransition StillUnknown(string reason, TimeSpan delay) => new(WritebackState.Unknown, reason, null, delay, false, true);
    public static WritebackTransition SendAgain() => new(WritebackState.Pending, null, null, TimeSpan.Zero, false, false);
    public static WritebackTransition Park(string reason) => new(WritebackState.NeedsReview, reason, null, TimeSpan.Zero, false, false);

    /// <summary>Taken by a target that writes later: looked for again after <paramref name="delay"/>, never sent again.</summary>
    public static WritebackTransition Accept(string waiting, TimeSpan delay) => new(WritebackState.Accepted, null, null, delay, true, false) { Waiting = waiting };

    /// <summary>Still not seen written: looked for again after <paramref name="delay"/> (counted, so the looks back off).</summary>
    public static WritebackTransition StillWaiting(string waiting, string? reason, TimeSpan delay) =>
        new(WritebackState.Accepted, reason, null, delay, false, true) { Waiting = waiting };

    /// <summary>The connection cannot take writes until a person acts (reconnect, subscription): wait, not counted as a try.</summary>
    public static WritebackTransition WaitForConnection(string reason, TimeSpan delay) => new(WritebackState.Pending, reason, null, delay, false, false)
    {
        IsConnectionProblem = true,
    };

    public bool IsConnectionProblem { get; init; }

    /// <summary>What staff read while an accepted write waits (<see cref="WritebackCommand.AcceptedNote"/>).</summary>
    public string? Waiting { get; init; }
}

internal static class WritebackTransitions
{
    /// <summary>Stores a transition if the command is still at the version this dispatcher claimed.</summary>
    public static async Task ApplyAsync(DentalHubDb db, WritebackCommand command, int claimedVersion, WritebackTransition next, IWritebackTarget? target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = command.Attempts + (next.CountsAttempt ? 1 : 0);
        var reconciles = next.CountsReconcile ? command.ReconcileAttempts + 1 : next.State == WritebackState.Unknown ? command.ReconcileAttempts : 0;
        var acceptedAt = next.State == WritebackState.Accepted ? command.AcceptedAt ?? now : command.AcceptedAt;
        var acceptedNote = next.Waiting ?? command.AcceptedNote;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == claimedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, next.State)
                .SetProperty(c => c.LastError, next.Error)
                .SetProperty(c => c.TargetId, next.TargetId ?? command.TargetId)
                .SetProperty(c => c.Attempts, attempts)
                .SetProperty(c => c.ReconcileAttempts, reconciles)
                .SetProperty(c => c.NextAttemptAt, now + next.Delay)
                .SetProperty(c => c.AcceptedAt, acceptedAt)
                .SetProperty(c => c.AcceptedNote, acceptedNote)
                .SetProperty(c => c.SendingSince, (DateTimeOffset?)null)
                .SetProperty(c => c.UpdatedAt, now)
                .SetProperty(c => c.Version, claimedVersion + 1), cancellationToken);
        if (next.State is WritebackState.Rejected or WritebackState.NeedsReview)
        {
            // One alert per entry into a bad state; retries that stay in one state raise none, and a
            // retry by staff that fails the same way again adds nothing while the first is still open.
            var alert = target is null
                ? new WritebackAlert(Alerts.AlertKinds.WriteNeedsReview, $"A write needs review: {next.Error}", null)
                : await target.AlertForAsync(db, command, next.State, next.Error, cancellationToken);
            if (!await db.Alerts.AnyAsync(a => a.SubjectId == command.SubjectId && a.Kind == alert.Kind && a.AcknowledgedAt == null, cancellationToken))
            {
                db.Alerts.Add(new Alerts.Alert
                {
                    PracticeId = command.PracticeId, Kind = alert.Kind, SubjectId = command.SubjectId, Text = alert.Text,
                    SubjectName = alert.Subject?.Name, Link = alert.Subject?.Link, CreatedAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        if (next.IsConnectionProblem)
        {
            await Alerts.ConnectionAlerts.RaiseOnceAsync(db, command, next.Error, now, cancellationToken);
        }
        if (next.State == WritebackState.Confirmed)
        {
            await Alerts.ConnectionAlerts.ClearAsync(db, command.ConnectionId, now, cancellationToken);
            if (target is not null)
            {
                await Alerts.AlertClosing.CloseAsync(db, command.SubjectId, target.AlertKinds, "the write went through", now, cancellationToken);
            }
            await db.Connections.Where(c => c.Id == command.ConnectionId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSuccessfulWriteAt, now), cancellationToken);
            if (target is not null && moved == 1)
            {
                await target.ConfirmedAsync(db, command, next.TargetId!, now, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
