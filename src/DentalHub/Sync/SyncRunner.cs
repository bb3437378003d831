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
        Func<ActiveRun, CancellationToken, Task<int>> read = connector is null
            ? (_, _) => Task.FromException<int>(notCreated!)
            : (run, token) => resource.RunWithAsync(this, request, connector, run, token);
        return await RunLeasedAsync(resource, request, read, cancellationToken);
    }

    /// <summary>
    /// Takes the resource's lease and records the run before anything can fail, so every failure (the connector,
    /// opening the system, the first count) is a run with a message a person can act on, and frees the lease.
    /// </summary>
    private async Task<SyncOutcome> RunLeasedAsync(SyncResource resource, SyncRequest request, Func<ActiveRun, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var connection = request.Connection;
        var tenant = TenantScope.ForPractice(request.Practice.OrganizationId, request.Practice.Id);
        await using var db = databases.Create(tenant);
        var lease = new SyncLease(db, connection.Id, resource.Name, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", time);
        if (!await lease.TryAcquireAsync(cancellationToken))
        {
            return new SyncOutcome(SyncOutcomeKind.AlreadyRunning, null, $"A sync of this connection's {resource.Title.ToLowerInvariant()} is already running.");
        }
        SyncRun run;
        try
        {
            run = await StartRunAsync(db, request, cancellationToken);
        }
        catch
        {
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            throw;
        }
        try
        {
            var stored = await body(new ActiveRun(db, lease, run), cancellationToken);
            await FinishAsync(db, run.Id, connection.Id, SyncRunStatus.Succeeded, null, cancellationToken);
            await lease.ReleaseAsync(succeeded: true, CancellationToken.None);
            logger.LogInformation("Sync of {Resource} for connection {ConnectionId} finished: {Rows} rows read", resource.Name, connection.Id, stored);
            return new SyncOutcome(SyncOutcomeKind.Completed, run.Id, "Sync finished.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = SyncErrors.Describe(e);
            logger.LogWarning("Sync of {Resource} for connection {ConnectionId} failed: {ExceptionType}", resource.Name, connection.Id, e.GetType().Name);
            await FinishAsync(db, run.Id, connection.Id, SyncRunStatus.Failed, message, CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            return new SyncOutcome(SyncOutcomeKind.Failed, run.Id, message);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(db, run.Id, connection.Id, SyncRunStatus.Interrupted, "The sync was stopped; the next run continues where it stopped.", CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads and stores one resource's changed records under a run the caller recorded; returns the rows read.</summary>
    internal async Task<int> RunAsync<TRecord>(SyncResource<TRecord> resource, IChangeFeed<TRecord> feed, SyncRequest request, ActiveRun active, CancellationToken cancellationToken)
        where TRecord : IPmsRecord
    {
        var (db, lease, run) = active;
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
        await using var pages = new PageReadAhead<TRecord>(token => feed.ReadChangedSince(cursor, token), PagesReadAhead, cancellationToken);
        var stored = 0;
        while (await pages.NextGroupAsync(RowsPerTransaction, cancellationToken) is { Count: > 0 } group)
        {
            await StoreGroupAsync(db, lease, run.Id, store, group, cancellationToken);
            var before = stored;
            stored += group.Sum(p => p.Rows.Count);
            if (before < StatisticsRefreshAfterRows && stored >= StatisticsRefreshAfterRows)
            {
                await store.RefreshStatisticsAsync(db, cancellationToken);
            }
        }
        return stored;
    }

    /// <summary>Stores pages in order in one transaction, each against what the ones before it wrote.</summary>
    private static async Task StoreGroupAsync<TRecord>(DentalHubDb db, SyncLease lease, Guid runId, IPageStore<TRecord> store, List<ChangePage<TRecord>> group, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.PrepareTransactionAsync(db, cancellationToken);
        var total = default(PageCounts);
        foreach (var page in group)
        {
            var counts = await store.StoreAsync(db, transaction, page, cancellationToken);
            total = new PageCounts(total.Read + counts.Read, total.Created + counts.Created, total.Updated + counts.Updated, total.Unchanged + counts.Unchanged,
                total.Failed + counts.Failed, total.Warnings + counts.Warnings, total.Deleted + counts.Deleted);
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
    }

    private async Task<SyncRun> StartRunAsync(DentalHubDb db, SyncRequest request, CancellationToken cancellationToken)
    {
        var connection = request.Connection;
        // We hold this resource's lease, so a run of it still marked Running was cut off (crash, restart): say so.
        // Runs of the connection's other resources are theirs to judge.
        await db.SyncRuns.Where(r => r.ConnectionId == connection.Id && r.Resource == request.Resource && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, SyncRunStatus.Interrupted)
                .SetProperty(x => x.Error, "DentalHub stopped during this run; the next run continued from the last saved page."), cancellationToken);
        var cursor = await CursorAsync(db, connection.Id, request.Resource, cancellationToken);
        var run = new SyncRun
        {
            PracticeId = connection.PracticeId,
            ConnectionId = connection.Id,
            Resource = request.Resource,
            Trigger = request.Trigger,
            Status = SyncRunStatus.Running,
            FullRead = cursor is null,
            StartedAt = time.GetUtcNow(),
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return run;
    }

    private async Task FinishAsync(DentalHubDb db, Guid runId, Guid connectionId, SyncRunStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, status).SetProperty(x => x.FinishedAt, now).SetProperty(x => x.Error, error), cancellationToken);
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

/// <summary>The run a resource's records are read under: its unit of work, lease and record.</summary>
internal sealed record ActiveRun(DentalHubDb Db, SyncLease Lease, SyncRun Run);

/// <summary>Another run took over this resource's lease (this one stalled past the lease time).</summary>
public sealed class SyncLeaseLostException() : Exception("Another sync of this connection took over; this run stopped without saving its last pages.");
