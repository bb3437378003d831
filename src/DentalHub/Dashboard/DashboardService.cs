using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Scheduling;
using DentalHub.Tenancy;
using Quartz;

namespace DentalHub.Dashboard;

/// <summary>One connection's state as the dashboard shows it.</summary>
public sealed record ConnectionStatus(
    ConnectionView Connection,
    DateTimeOffset? NextRunAt,
    string NextRunLabel,
    IReadOnlyList<string> OpenProblems,
    int ImportFailures,
    IReadOnlyList<SyncRun> LastRuns,
    bool ReadsRecords);

/// <summary>Gathers, per connection, its last read and write, its next scheduled run and its open problems.</summary>
public sealed class DashboardService(
    ConnectionService connections,
    ISchedulerFactory schedulers,
    ImportFailureQuery failures,
    SyncRunQuery runs,
    AvailableConnectors available,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ConnectionStatus>> ConnectionStatusesAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        var list = await connections.ListAsync(tenant, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nextCheck = await NextFireAsync(scheduler, Schedules.ConnectionChecks, cancellationToken);
        var failureCounts = await failures.OpenErrorsByConnectionAsync(tenant, cancellationToken);
        var lastRuns = await runs.LatestByConnectionAsync(tenant, cancellationToken);
        var statuses = new List<ConnectionStatus>();
        foreach (var connection in list)
        {
            var nextRun = await NextInGroupAsync(scheduler, Schedules.ConnectionGroup(connection.Id), cancellationToken);
            var failureCount = failureCounts.GetValueOrDefault(connection.Id);
            var lastRun = lastRuns.GetValueOrDefault(connection.Id) ?? [];
            statuses.Add(new ConnectionStatus(
                connection,
                nextRun ?? (connection.Enabled ? nextCheck : null),
                nextRun is null ? "Next check" : "Next sync",
                ProblemsOf(connection, failureCount, lastRun),
                failureCount,
                lastRun,
                available.Find(connection.ConnectorKey)?.Syncs == true));
        }
        return statuses;
    }

    private List<string> ProblemsOf(ConnectionView connection, int importFailures, IReadOnlyList<SyncRun> lastRuns)
    {
        var problems = new List<string>();
        if (!connection.Enabled)
        {
            return problems;
        }
        if (connection.LastCheckSucceeded == false)
        {
            problems.Add(connection.LastCheckMessage ?? "The last connection check failed.");
        }
        foreach (var failed in lastRuns.Where(r => r.Status == SyncRunStatus.Failed))
        {
            var title = SyncResourceCatalog.Find(failed.Resource)?.Title.ToLowerInvariant() ?? failed.Resource;
            problems.Add($"The last sync of {title} failed: {failed.Error}");
        }
        if (connection.LastSuccessfulReadAt is { } lastRead
            && time.GetUtcNow() - lastRead > SyncScheduler.StaleAfter(connection.Schedule.Kind, connection.Schedule.IntervalMinutes))
        {
            problems.Add("No successful read for longer than this schedule allows.");
        }
        if (importFailures > 0)
        {
            problems.Add($"{importFailures} {(importFailures == 1 ? "record" : "records")} could not be imported.");
        }
        return problems;
    }

    private static async Task<DateTimeOffset?> NextFireAsync(IScheduler scheduler, JobKey job, CancellationToken cancellationToken) =>
        Earliest(await scheduler.QueryTriggers(new TriggerQuery { Job = job }, cancellationToken));

    private static async Task<DateTimeOffset?> NextInGroupAsync(IScheduler scheduler, string group, CancellationToken cancellationToken) =>
        Earliest(await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group) }, cancellationToken));

    private static DateTimeOffset? Earliest(PagedResult<TriggerHeader> triggers) =>
        triggers.Items.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
}
