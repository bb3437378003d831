using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// Sends due commands to their targets. A command is claimed by a conditional update on its version
/// before anything is sent, so two dispatchers (or two nodes) never send the same command; a command
/// whose outcome is unknown is reconciled by reading the target back, never resent blind.
/// </summary>
public sealed class WritebackDispatcher(
    DentalHubDbFactory databases,
    ConnectorFactory connectors,
    IEnumerable<IWritebackTarget> targets,
    WritebackPolicy policy,
    TimeProvider time,
    ILogger<WritebackDispatcher> logger)
{
    private readonly Dictionary<string, IWritebackTarget> targetsByKind = targets.ToDictionary(t => t.Kind);
    private readonly List<string> holdingKinds = targets.Where(t => t.HoldsItsOrderKey).Select(t => t.Kind).ToList();

    /// <summary>
    /// Runs every command that is due now, once, up to <see cref="WritebackPolicy.MaxConcurrentSends"/> at a
    /// time: they belong to different order keys, so one slow target does not hold up the others.
    /// Returns how many this dispatcher claimed and moved on.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Commands run in parallel, so backoff jitter comes from Random.Shared (a Random of our own is not thread-safe).
        var due = await DueCommandsAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var worked = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = policy.MaxConcurrentSends, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, options, async (command, token) =>
        {
            if (await RunAsync(command, token))
            {
                Interlocked.Increment(ref worked);
            }
        });
        return worked;
    }

    private async Task<List<DueCommand>> DueCommandsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = databases.CreateWithoutTenant();
        // The dispatcher works for every practice: the one place commands are read across tenants.
        var active = await db.WritebackCommands.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.State == WritebackState.Pending || c.State == WritebackState.Unknown || c.State == WritebackState.Sending || c.State == WritebackState.Accepted
                || (holdingKinds.Contains(c.Kind) && (c.State == WritebackState.Rejected || c.State == WritebackState.NeedsReview)))
            .Select(c => new ActiveCommand(c.Id, c.PracticeId, c.OrderKey, c.Kind, c.State, c.NextAttemptAt, c.SendingSince, c.CreatedAt))
            .ToListAsync(cancellationToken);
        // Only the oldest unfinished command of each order key may go: a patient's payments arrive in order. A write a
        // target took but has not confirmed still holds its key: what follows may depend on it (a cancellation on its booking).
        // A refused or parked command a later one depends on (a new patient before their booking) holds the key until a person acts.
        var heads = active
            .GroupBy(c => (c.PracticeId, c.OrderKey))
            .Select(g => g.OrderBy(c => c.CreatedAt).ThenBy(c => holdingKinds.Contains(c.Kind) ? 0 : 1).ThenBy(c => c.Id.ToString()).First())
            .Where(c => c.State switch
            {
                WritebackState.Sending => c.SendingSince < now - policy.SendingTimeout,
                WritebackState.Pending or WritebackState.Unknown or WritebackState.Accepted => c.NextAttemptAt <= now,
                _ => false,
            })
            .Select(c => c.Id)
            .ToList();
        if (heads.Count == 0)
        {
            return [];
        }
        // The whole rows of those only, with their practice's organization and connection, in one round trip:
        // a claim succeeds only at the version read here, so what is read here is what is sent.
        return await (
            from command in db.WritebackCommands.IgnoreQueryFilters().AsNoTracking()
            join practice in db.Practices.IgnoreQueryFilters() on command.PracticeId equals practice.Id
            join connection in db.Connections.IgnoreQueryFilters().AsNoTracking() on command.ConnectionId equals connection.Id into connections
            from connection in connections.DefaultIfEmpty()
            where heads.Contains(command.Id)
            orderby command.CreatedAt
            select new DueCommand(command, practice.OrganizationId, connection))
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> RunAsync(DueCommand due, CancellationToken cancellationToken)
    {
        var command = due.Command;
        var tenant = TenantScope.ForPractice(due.OrganizationId, command.PracticeId);
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        var claimed = await db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == command.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, WritebackState.Sending).SetProperty(c => c.SendingSince, now)
                .SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, command.Version + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var target = targetsByKind.GetValueOrDefault(command.Kind);
        var connector = due.Connection is null || target is null ? null : connectors.Create(due.Connection);
        var transition = connector is null || !target!.CanWrite(connector)
            ? WritebackTransition.Park("The connection this was going to is gone or no longer accepts this kind of write. Choose what to do with it.")
            : command.State == WritebackState.Pending
                ? await SendAsync(target, connector, command, cancellationToken)
                : await ReconcileAsync(db, target, connector, command, cancellationToken);
        await WritebackTransitions.ApplyAsync(db, command, command.Version + 1, transition, target, time.GetUtcNow(), cancellationToken);
        WritebackLog.Moved(logger, command.Id, command.Kind, command.ConnectionId, command.State, transition.State, command.Attempts + (transition.CountsAttempt ? 1 : 0));
        return true;
    }

    private async Task<WritebackTransition> SendAsync(IWritebackTarget target, IConnector connector, WritebackCommand command, CancellationToken cancellationToken)
    {
        WriteOutcome outcome;
        try
        {
            outcome = await target.WriteAsync(connector, command, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed may have failed after the request left: only a read-back can tell.
            outcome = new WriteOutcome.Unknown($"The write ended with an unexpected error ({e.GetType().Name}).");
        }
        return outcome switch
        {
            WriteOutcome.Written written => WritebackTransition.Confirm(written.TargetId),
            WriteOutcome.Refused refused => WritebackTransition.Reject(refused.FullText),
            WriteOutcome.TryLater later when command.Attempts + 1 >= policy.MaxAttempts =>
                WritebackTransition.Park($"Still not accepted after {command.Attempts + 1} tries: {later.Reason}"),
            WriteOutcome.TryLater later => WritebackTransition.Retry(later.Reason, later.After ?? policy.RetryDelay(command.Attempts + 1, Random.Shared)),
            WriteOutcome.Unknown unknown => WritebackTransition.Unknown(unknown.Reason, policy.ReconcileDelay),
            WriteOutcome.Accepted accepted => WritebackTransition.Accept(accepted.Waiting, policy.RetryDelay(1, Random.Shared)),
            WriteOutcome.Unavailable unavailable => WritebackTransition.WaitForConnection(unavailable.Reason, unavailable.After ?? policy.ConnectionProblemDelay),
            _ => throw new System.Diagnostics.UnreachableException($"Unhandled write outcome {outcome.GetType().Name}."),
        };
    }

    /// <summary>
    /// Looks a write up again: first what the target reported about it (a webhook), then the target itself. A target that
    /// writes later (<see cref="IConfirmsWritesLater"/>) is never sent the write again; it is waited for until its report or
    /// until <see cref="WritebackPolicy.ConfirmationWait"/>, when a person is asked.
    /// </summary>
    private async Task<WritebackTransition> ReconcileAsync(DentalHubDb db, IWritebackTarget target, IConnector connector, WritebackCommand command, CancellationToken cancellationToken)
    {
        // A report can reach us a moment before the dispatcher stored that the target took the write.
        var sentSince = (command.AcceptedAt ?? command.UpdatedAt) - policy.SendingTimeout;
        var report = await PmsEvents.PmsWriteReports.LatestAsync(db, command, sentSince, cancellationToken);
        FindOutcome found;
        try
        {
            found = await target.FindAsync(connector, command, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            found = new FindOutcome.CouldNotCheck($"Reading the PMS back failed ({e.GetType().Name}).");
        }
        var later = connector as IConfirmsWritesLater;
        return (found, report?.Outcome) switch
        {
            (FindOutcome.Found hit, _) => WritebackTransition.Confirm(hit.TargetId),
            // The report is the target's word; its reads may not show the write yet.
            (_, PmsWriteReportOutcome.Written) => WritebackTransition.Confirm(report!.TargetId ?? command.Reference),
            (_, PmsWriteReportOutcome.Failed) => WritebackTransition.Reject(report!.Reason ?? $"{connector.SystemName} did not take it."),
            (FindOutcome.NotFound, _) when later is not null => Waiting(connector, command, later.WaitingText, null),
            // Verified absent: sending now cannot double-post.
            (FindOutcome.NotFound, _) => WritebackTransition.SendAgain(),
            (FindOutcome.NeedsPerson person, _) => WritebackTransition.Park(person.Reason),
            (FindOutcome.CouldNotCheck check, _) when later is not null || command.State == WritebackState.Accepted =>
                Waiting(connector, command, command.AcceptedNote ?? later?.WaitingText ?? check.Reason, check.Reason),
            (FindOutcome.CouldNotCheck check, _) when command.ReconcileAttempts + 1 >= policy.MaxReconcileAttempts =>
                WritebackTransition.Park($"Could not confirm whether the target has this write: {check.Reason} Check it there, then mark it posted by hand or retry."),
            (FindOutcome.CouldNotCheck check, _) => WritebackTransition.StillUnknown(check.Reason, policy.RetryDelay(command.ReconcileAttempts + 1, Random.Shared)),
            _ => throw new System.Diagnostics.UnreachableException($"Unhandled find outcome {found.GetType().Name}."),
        };
    }

    /// <summary>A write taken (or perhaps taken) and not seen yet: looked for again on the backoff, until a person must look.</summary>
    private WritebackTransition Waiting(IConnector connector, WritebackCommand command, string waiting, string? reason)
    {
        var since = command.AcceptedAt ?? time.GetUtcNow();
        return time.GetUtcNow() - since >= policy.ConfirmationWait
            ? WritebackTransition.Park(
                $"{waiting} It has not appeared in {connector.SystemName} since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Look for it in {connector.SystemName}: "
                + "if it is there, mark it posted by hand; if not, retry it.")
            : WritebackTransition.StillWaiting(waiting, reason, policy.RetryDelay(command.ReconcileAttempts + 1, Random.Shared));
    }

    private sealed record ActiveCommand(
        Guid Id, Guid PracticeId, string OrderKey, string Kind, WritebackState State, DateTimeOffset NextAttemptAt, DateTimeOffset? SendingSince, DateTimeOffset CreatedAt);

    private sealed record DueCommand(WritebackCommand Command, Guid OrganizationId, Connection? Connection);
}
