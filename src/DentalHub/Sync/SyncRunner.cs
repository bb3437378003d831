using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Sync;

public enum SyncOutcomeKind
{
    Completed,
    AlreadyRunning,
    Disabled,
    NotSupported,
    Failed,
}

public sealed record SyncOutcome(SyncOutcomeKind Kind, Guid? RunId, string Message);

/// <summary>
/// Runs one resource's sync for one connection: reads the records changed since the resource's cursor
/// and stores them one group of pages per transaction (records, failures, cursor and progress commit
/// together), so a crash resumes from the last stored page without a lost or doubled row. One run per
/// (connection, resource) at a time on any number of nodes; runs of other resources go on beside it.
/// Generic: it knows <see cref="SyncResource"/>s, not any vendor or record.
/// </summary>
public sealed class SyncRunner(
    DentalHubDbFactory databases,
    ConnectorFactory connectors,
    AvailableConnectors available,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    /// <summary>
    /// Pages read ahead may share a transaction up to this many rows: a few connector pages, still a
    /// short write (well under a second on SQLite), and far fewer commits on a fast source.
    /// </summary>
    public const int RowsPerTransaction = 5_000;

    private const int PagesReadAhead = 8;

    // A bulk run refreshes the planner's statistics once, after its first 10k rows: tables that grew from
    // empty faster than autovacuum looks would otherwise be planned as if they were still tiny. Once the
    // statistics know the shape (one connection, unique PMS ids), estimates grow with the table by themselves.
    private const int StatisticsRefreshAfterRows = 10_000;

    public async Task<SyncOutcome> RunAsync(TenantScope tenant, Guid connectionId, string resourceName, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        if (SyncResourceCatalog.Find(resourceName) is not { } resource)
        {
            return new SyncOutcome(SyncOutcomeKind.NotSupported, null, $"DentalHub has no resource \"{resourceName}\" to sync.");
        }
        Connection? connection;
        Practice? practice;
        await using (var db = databases.Create(tenant))
        {
            connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
            practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == tenant.PracticeId, cancellationToken);
        }
        if (connection is null || practice is null || !connection.Enabled)
        {
            return new SyncOutcome(SyncOutcomeKind.Disabled, null, "The connection is disabled or no longer exists.");
        }
        // A connector that cannot even be made (unreadable secrets, a setting it refuses) is a failed run like any
        // other: recorded with its message, never only logged.
        IConnector? connector = null;
        Exception? notCreated = null;
        try
        {
            connector = connectors.Create(connection);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notCreated = e;
        }
        if (connector is not null && !resource.IsReadBy(connector))
        {
            return new SyncOutcome(SyncOutcomeKind.NotSupported, null, $"This connection's system does not provide {resource.Title.ToLowerInvariant()}.");
        }
        var descriptor = available.Find(connection.ConnectorKey);
        var systemName = connector is null ? descriptor?.SystemName ?? SystemNames.Fallback : SystemNames.Of(connector, descriptor);
        var request = new SyncRequest(connection, practice, resource.Name, trigger, systemName);
        Func<ActiveRun, CancellationToken, Task> read = connector is null
            ? (_, _) => Task.FromException(notCreated!)
            : (run, token) => resource.RunWithAsync(this, request, connector, run, token);
        var untracedDeletions = connector is not null && resource.HasUntracedDeletions(connector);
        return await RunLeasedAsync(resource, request, untracedDeletions, read, cancellationToken);
    }

    /// <summary>
    /// Takes the resource's lease and records the run before anything can fail, so every failure (the connector,
    /// opening the system, the first count) is a run with a message a person can act on, and frees the lease.
    /// </summary>
    private async Task<SyncOutcome> RunLeasedAsync(
        SyncResource resource, SyncRequest request, bool untracedDeletions, Func<ActiveRun, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        var connection = request.Connection;
        var tenant = TenantScope.ForPractice(request.Practice.OrganizationId, request.Practice.Id);
        await using var db = databases.Create(tenant);
        var lease = new SyncLease(db, connection.Id, resource.Name, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", time);
        if (!await lease.TryAcquireAsync(cancellationToken))
        {
            return new SyncOutcome(SyncOutcomeKind.AlreadyRunning, null, $"A sync of this connection's {resource.Title.ToLowerInvariant()} is already running.");
        }
        ActiveRun active;
        try
        {
            var (run, rereading) = await StartRunAsync(db, request, untracedDeletions, cancellationToken);
            active = new ActiveRun(db, lease, run, rereading);
        }
        catch
        {
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            throw;
        }
        SyncLog.Started(logger, active.Run.Id, resource.Name, connection.Id, connection.PracticeId, request.Trigger, active.Run.FullRead, active.Run.Expected);
        var started = time.GetTimestamp();
        try
        {
            await body(active, cancellationToken);
            await FinishAsync(db, active.Run, connection.Id, SyncRunStatus.Succeeded, active.Note, cancellationToken);
            await lease.ReleaseAsync(succeeded: true, CancellationToken.None);
            var total = active.Total;
            SyncLog.Finished(logger, active.Run.Id, resource.Name, connection.Id, (long)time.GetElapsedTime(started).TotalMilliseconds,
                total.Read, total.Created, total.Updated, total.Unchanged, total.Deleted, total.Failed, total.Warnings);
            return new SyncOutcome(SyncOutcomeKind.Completed, active.Run.Id, "Sync finished.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = SyncErrors.Describe(e);
            SyncLog.Failed(logger, active.Run.Id, resource.Name, connection.Id, active.Total.Read, e.GetType().Name);
            await FinishAsync(db, active.Run, connection.Id, SyncRunStatus.Failed, message, CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            return new SyncOutcome(SyncOutcomeKind.Failed, active.Run.Id, message);
        }
        catch (OperationCanceledException)
        {
            SyncLog.Interrupted(logger, active.Run.Id, resource.Name, connection.Id, active.Total.Read);
            await FinishAsync(db, active.Run, connection.Id, SyncRunStatus.Interrupted, "The sync was stopped; the next run continues where it stopped.", CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads and stores one resource's changed records under a run the caller recorded, counting into it.</summary>
    internal async Task RunAsync<TRecord>(SyncResource<TRecord> resource, IChangeFeed<TRecord> feed, SyncRequest request, ActiveRun active, CancellationToken cancellationToken)
        where TRecord : IPmsRecord
    {
        var (db, lease, run, rereading) = active;
        var connection = request.Connection;
        if (run.FullRead)
        {
            // Counted once the run is recorded: this is often the first call that reaches the system.
            var expected = await feed.CountAsync(cancellationToken);
            await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Expected, expected), cancellationToken);
        }
        var store = resource.CreateStore(new SyncRunContext(
            connection.PracticeId, connection.Id, request.SystemName, request.Practice.TimeZone, PracticeToday(request.Practice), databases.Settings.Provider, time));
        var cursor = run.FullRead ? null : new SyncCursor((await CursorAsync(db, connection.Id, resource.Name, cancellationToken))!);
        // A daily re-read of a feed that cannot report every deletion keeps the ids it reads, to find what is gone.
        var seen = rereading && store is IFindsUnseenRecords ? new HashSet<string>(StringComparer.Ordinal) : null;
        SyncCursor? lastCursor = null;
        await using var pages = new PageReadAhead<TRecord>(token => feed.ReadChangedSince(cursor, token), PagesReadAhead, cancellationToken);
        var stored = 0;
        while (await pages.NextGroupAsync(RowsPerTransaction, cancellationToken) is { Count: > 0 } group)
        {
            active.Total = active.Total.Plus(await StoreGroupAsync(db, lease, run.Id, store, group, cancellationToken));
            lastCursor = group[^1].NextCursor;
            seen?.Remember(group);
            var before = stored;
            stored += group.Sum(p => p.Rows.Count);
            if (before < StatisticsRefreshAfterRows && stored >= StatisticsRefreshAfterRows)
            {
                await store.RefreshStatisticsAsync(db, cancellationToken);
            }
        }
        if (seen is not null)
        {
            await MarkUnseenDeletedAsync(active, resource, store, (IFindsUnseenRecords)store, seen, lastCursor, request.SystemName, cancellationToken);
        }
    }

    /// <summary>
    /// Marks as deleted what a complete re-read did not return, in groups like any page of deletions. A read that
    /// returned nothing at all while the hub holds records marks nothing: that is a connection pointed at an empty or
    /// another database far more often than a PMS emptied, and the run's note says so.
    /// </summary>
    private static async Task MarkUnseenDeletedAsync<TRecord>(ActiveRun active, SyncResource resource, IPageStore<TRecord> store,
        IFindsUnseenRecords finder, HashSet<string> seen, SyncCursor? lastCursor, string systemName, CancellationToken cancellationToken)
        where TRecord : IPmsRecord
    {
        var unseen = await finder.UnseenAsync(active.Db, seen, cancellationToken);
        if (unseen.Ids.Count == 0)
        {
            return;
        }
        if (seen.Count == 0 || lastCursor is null)
        {
            active.Note = unseen.Held == 0 ? null : SyncText.NothingReadNothingDeleted(systemName, resource.Title, unseen.Held);
            return;
        }
        foreach (var ids in unseen.Ids.Chunk(1_000))
        {
            active.Total = active.Total.Plus(await StoreGroupAsync(active.Db, active.Lease, active.Run.Id, store, [new ChangePage<TRecord>([], lastCursor) { Deleted = ids }], cancellationToken));
        }
    }

    /// <summary>Stores pages in order in one transaction, each against what the ones before it wrote.</summary>
    private static async Task<PageCounts> StoreGroupAsync<TRecord>(DentalHubDb db, SyncLease lease, Guid runId, IPageStore<TRecord> store, List<ChangePage<TRecord>> group, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.PrepareTransactionAsync(db, cancellationToken);
        var total = default(PageCounts);
        foreach (var page in group)
        {
            total = total.Plus(await store.StoreAsync(db, transaction, page, cancellationToken));
        }
        if (!await lease.AdvanceAsync(group[^1].NextCursor.Value, cancellationToken))
        {
            throw new SyncLeaseLostException();
        }
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Read, x => x.Read + total.Read)
            .SetProperty(x => x.Created, x => x.Created + total.Created)
            .SetProperty(x => x.Updated, x => x.Updated + total.Updated)
            .SetProperty(x => x.Unchanged, x => x.Unchanged + total.Unchanged)
            .SetProperty(x => x.Failed, x => x.Failed + total.Failed)
            .SetProperty(x => x.Warnings, x => x.Warnings + total.Warnings)
            .SetProperty(x => x.Deleted, x => x.Deleted + total.Deleted), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    private async Task<(SyncRun Run, bool Rereading)> StartRunAsync(DentalHubDb db, SyncRequest request, bool untracedDeletions, CancellationToken cancellationToken)
    {
        var connection = request.Connection;
        // We hold this resource's lease, so a run of it still marked Running was cut off (crash, restart): say so.
        // Runs of the connection's other resources are theirs to judge.
        await db.SyncRuns.Where(r => r.ConnectionId == connection.Id && r.Resource == request.Resource && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, SyncRunStatus.Interrupted)
                .SetProperty(x => x.Error, "DentalHub stopped during this run; the next run continued from the last saved page."), cancellationToken);
        var state = await db.SyncStates.AsNoTracking()
            .Where(s => s.ConnectionId == connection.Id && s.Resource == request.Resource)
            .Select(s => new { s.Cursor, s.LastFullReadAt })
            .FirstAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rereading = state.Cursor is not null && untracedDeletions && DailyFullRead.IsDue(state.LastFullReadAt, now, request.Practice.TimeZone);
        var run = new SyncRun
        {
            PracticeId = connection.PracticeId,
            ConnectionId = connection.Id,
            Resource = request.Resource,
            Trigger = request.Trigger,
            Status = SyncRunStatus.Running,
            FullRead = state.Cursor is null || rereading,
            StartedAt = now,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (run, rereading);
    }

    private async Task FinishAsync(DentalHubDb db, SyncRun run, Guid connectionId, SyncRunStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, status).SetProperty(x => x.FinishedAt, now).SetProperty(x => x.Error, error), cancellationToken);
        if (status == SyncRunStatus.Succeeded && run.FullRead)
        {
            await db.SyncStates.Where(s => s.ConnectionId == connectionId && s.Resource == run.Resource)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastFullReadAt, run.StartedAt), cancellationToken);
        }
        if (status == SyncRunStatus.Succeeded)
        {
            await db.Connections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(c => c.SetProperty(x => x.LastSuccessfulReadAt, now), cancellationToken);
        }
    }

    private static Task<string?> CursorAsync(DentalHubDb db, Guid connectionId, string resource, CancellationToken cancellationToken) =>
        db.SyncStates.Where(s => s.ConnectionId == connectionId && s.Resource == resource).Select(s => s.Cursor).FirstOrDefaultAsync(cancellationToken);

    private DateOnly PracticeToday(Practice practice) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), practice.TimeZone).DateTime);
}

/// <summary>
/// The run a resource's records are read under: its unit of work, lease and record, whether it is a daily re-read
/// (<see cref="DailyFullRead"/>), and what it has done so far.
/// </summary>
internal sealed class ActiveRun(DentalHubDb db, SyncLease lease, SyncRun run, bool rereading)
{
    public DentalHubDb Db => db;
    public SyncLease Lease => lease;
    public SyncRun Run => run;
    public bool Rereading => rereading;
    public PageCounts Total { get; set; }

    /// <summary>What the run says to a person besides its counts, when it succeeded with something to say.</summary>
    public string? Note { get; set; }

    public void Deconstruct(out DentalHubDb db, out SyncLease lease, out SyncRun run, out bool rereading) =>
        (db, lease, run, rereading) = (Db, Lease, Run, Rereading);
}

internal static class SeenRecords
{
    /// <summary>Keeps the ids a group of pages returned, and forgets those it reported deleted.</summary>
    public static void Remember<TRecord>(this HashSet<string> seen, List<ChangePage<TRecord>> group) where TRecord : IPmsRecord
    {
        foreach (var page in group)
        {
            foreach (var record in page.Rows)
            {
                seen.Add(record.PmsId);
            }
            seen.ExceptWith(page.Deleted);
        }
    }
}

/// <summary>Another run took over this resource's lease (this one stalled past the lease time).</summary>
public sealed class SyncLeaseLostException() : Exception("Another sync of this connection took over; this run stopped without saving its last pages.");
