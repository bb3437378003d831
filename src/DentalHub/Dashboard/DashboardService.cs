using DentalHub.Connections;
using DentalHub.Scheduling;
using DentalHub.Tenancy;
using Quartz;

namespace DentalHub.Dashboard;

/// <summary>One connection's state as the dashboard shows it.</summary>
public sealed record ConnectionStatus(
    ConnectionView Connection,
    DateTimeOffset? NextRunAt,
    string NextRunLabel,
    IReadOnlyList<string> OpenProblems);

/// <summary>Gathers, per connection, its last read and write, its next scheduled run and its open problems.</summary>
public sealed class DashboardService(ConnectionService connections, ISchedulerFactory schedulers)
{
    public async Task<IReadOnlyList<ConnectionStatus>> ConnectionStatusesAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        var list = await connections.ListAsync(tenant, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nextCheck = await NextFireAsync(scheduler, Schedules.ConnectionChecks, cancellationToken);
        var statuses = new List<ConnectionStatus>();
        foreach (var connection in list)
        {
            var nextRun = await NextInGroupAsync(scheduler, Schedules.ConnectionGroup(connection.Id), cancellationToken);
            statuses.Add(new ConnectionStatus(
                connection,
                nextRun ?? (connection.Enabled ? nextCheck : null),
                nextRun is null ? "Next check" : "Next sync",
                ProblemsOf(connection)));
        }
        return statuses;
    }

    private static List<string> ProblemsOf(ConnectionView connection)
    {
        var problems = new List<string>();
        if (connection.Enabled && connection.LastCheckSucceeded == false)
        {
            problems.Add(connection.LastCheckMessage ?? "The last connection check failed.");
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
