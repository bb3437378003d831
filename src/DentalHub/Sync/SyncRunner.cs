using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
/// Reads a connection's patients changed since its cursor and keeps the hub's profiles in step, one
/// page per transaction (profiles, links, failures, cursor and progress commit together).
/// Generic: it knows <see cref="IReadsPatients"/>, not any vendor.
/// </summary>
public sealed class PatientSync(
    DentalHubDbFactory databases,
    ConnectorFactory connectors,
    AvailableConnectors available,
    TimeProvider time,
    ILogger<PatientSync> logger)
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

    private readonly IPatientBatchWriter writer = PatientBatchWriters.For(databases.Settings.Provider);

    public async Task<SyncOutcome> RunAsync(TenantScope tenant, Guid connectionId, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == tenant.PracticeId, cancellationToken);
        if (connection is null || practice is null || !connection.Enabled)
        {
            return new SyncOutcome(SyncOutcomeKind.Disabled, null, "The connection is disabled or no longer exists.");
        }
        if (connectors.Create(connection) is not IReadsPatients reader)
        {
            return new SyncOutcome(SyncOutcomeKind.NotSupported, null, "This connection's system does not provide patients.");
        }
        var lease = new SyncLease(db, connectionId, SyncResources.Patients, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", time);
        if (!await lease.TryAcquireAsync(cancellationToken))
        {
            return new SyncOutcome(SyncOutcomeKind.AlreadyRunning, null, "A sync of this connection is already running.");
        }
        var run = await StartRunAsync(db, connection, trigger, reader, cancellationToken);
        try
        {
            var planner = new PatientPagePlanner(PracticeToday(practice), SystemName(connection));
            var cursor = run.FullRead ? null : new SyncCursor((await CursorAsync(db, connectionId, cancellationToken))!);
            await using var pages = new PageReadAhead(token => reader.ReadPatientsChangedSince(cursor, token), PagesReadAhead, cancellationToken);
            var stored = 0;
            while (await pages.NextGroupAsync(RowsPerTransaction, cancellationToken) is { Count: > 0 } group)
            {
                await StoreGroupAsync(db, lease, run.Id, connection, planner, group, cancellationToken);
                var before = stored;
                stored += group.Sum(p => p.Rows.Count);
                if (before < StatisticsRefreshAfterRows && stored >= StatisticsRefreshAfterRows)
                {
                    await writer.RefreshStatisticsAsync(db, cancellationToken);
                }
            }
            await FinishAsync(db, run.Id, connectionId, SyncRunStatus.Succeeded, null, cancellationToken);
            await lease.ReleaseAsync(succeeded: true, CancellationToken.None);
            return new SyncOutcome(SyncOutcomeKind.Completed, run.Id, "Sync finished.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = SyncErrors.Describe(e);
            logger.LogWarning("Patient sync of connection {ConnectionId} failed: {ExceptionType}", connectionId, e.GetType().Name);
            await FinishAsync(db, run.Id, connectionId, SyncRunStatus.Failed, message, CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            return new SyncOutcome(SyncOutcomeKind.Failed, run.Id, message);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(db, run.Id, connectionId, SyncRunStatus.Interrupted, "The sync was stopped; the next run continues where it stopped.", CancellationToken.None);
            await lease.ReleaseAsync(succeeded: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Stores pages in order in one transaction, each planned against what the ones before it wrote.</summary>
    private async Task StoreGroupAsync(DentalHubDb db, SyncLease lease, Guid runId, Connection connection, PatientPagePlanner planner, List<ChangePage<PmsPatient>> group, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writer.PrepareTransactionAsync(db, cancellationToken);
        foreach (var page in group)
        {
            await StorePageAsync(db, lease, runId, connection, planner, page, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task StorePageAsync(DentalHubDb db, SyncLease lease, Guid runId, Connection connection, PatientPagePlanner planner, ChangePage<PmsPatient> page, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var lookups = await PageLookupQueries.LoadAsync(db, connection.Id, page.Rows, cancellationToken);
        var plan = planner.Plan(page.Rows, lookups);
        var target = new PageTarget(connection.PracticeId, connection.Id, time.GetUtcNow());
        await writer.WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), target, plan, cancellationToken);
        // Two statements per page for the links it wrote; unchanged rows keep their mapped tags.
        await Tags.TagMappingApplier.ApplyToPageAsync(db, databases.Settings.Provider, connection.Id, plan.Links.ConvertAll(l => l.PmsId), cancellationToken);
        if (!await lease.AdvanceAsync(page.NextCursor.Value, cancellationToken))
        {
            throw new SyncLeaseLostException();
        }
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Read, x => x.Read + page.Rows.Count)
            .SetProperty(x => x.Created, x => x.Created + plan.Created)
            .SetProperty(x => x.Updated, x => x.Updated + plan.Updated)
            .SetProperty(x => x.Unchanged, x => x.Unchanged + plan.Unchanged)
            .SetProperty(x => x.Failed, x => x.Failed + plan.Failed)
            .SetProperty(x => x.Warnings, x => x.Warnings + plan.Warnings), cancellationToken);
    }

    private async Task<SyncRun> StartRunAsync(DentalHubDb db, Connection connection, SyncTrigger trigger, IReadsPatients reader, CancellationToken cancellationToken)
    {
        // We hold the lease, so a run still marked Running was cut off (crash, restart): say so.
        await db.SyncRuns.Where(r => r.ConnectionId == connection.Id && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, SyncRunStatus.Interrupted)
                .SetProperty(x => x.Error, "DentalHub stopped during this run; the next run continued from the last saved page."), cancellationToken);
        var cursor = await CursorAsync(db, connection.Id, cancellationToken);
        var run = new SyncRun
        {
            PracticeId = connection.PracticeId,
            ConnectionId = connection.Id,
            Resource = SyncResources.Patients,
            Trigger = trigger,
            Status = SyncRunStatus.Running,
            FullRead = cursor is null,
            StartedAt = time.GetUtcNow(),
            Expected = cursor is null ? await reader.CountPatientsAsync(cancellationToken) : null,
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

    private static Task<string?> CursorAsync(DentalHubDb db, Guid connectionId, CancellationToken cancellationToken) =>
        db.SyncStates.Where(s => s.ConnectionId == connectionId && s.Resource == SyncResources.Patients).Select(s => s.Cursor).FirstOrDefaultAsync(cancellationToken);

    private DateOnly PracticeToday(Practice practice) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), practice.TimeZone).DateTime);

    private string SystemName(Connection connection) => available.Find(connection.ConnectorKey)?.SystemName ?? "the PMS";
}

/// <summary>Another run took over this connection's lease (this one stalled past the lease time).</summary>
public sealed class SyncLeaseLostException() : Exception("Another sync of this connection took over; this run stopped without saving its last pages.");
