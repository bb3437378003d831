using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Scheduling;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DentalHub.Sync;

/// <summary>
/// Keeps each connection's sync triggers in Quartz in step with its settings, one job per resource the
/// connection reads: daily at a practice-local time (Quartz follows the zone across daylight-saving
/// changes), hourly at a minute spread by connection and resource, or every N minutes. "Sync now" fires
/// the same jobs, so runs of one resource never overlap.
/// </summary>
public sealed class SyncScheduler(ISchedulerFactory schedulers, DentalHubDbFactory databases, AvailableConnectors available, ConnectorFactory connectors, TimeProvider time)
{
    public static JobKey JobFor(Guid connectionId, string resource) => new($"sync-{resource}:{connectionId}", Schedules.ConnectionGroup(connectionId));

    public static TriggerKey TriggerFor(Guid connectionId, string resource) => new($"sync-{resource}:{connectionId}", Schedules.ConnectionGroup(connectionId));

    public async Task ApplyAsync(Connection connection, Practice practice, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var read = ResourcesReadBy(connection);
        foreach (var resource in SyncResourceCatalog.All)
        {
            if (!connection.Enabled || !read.Contains(resource))
            {
                await scheduler.DeleteJob(JobFor(connection.Id, resource.Name), cancellationToken);
                continue;
            }
            var job = JobBuilder.Create<SyncJob>()
                .WithIdentity(JobFor(connection.Id, resource.Name))
                .UsingJobData(SyncJob.ConnectionKey, connection.Id.ToString())
                .UsingJobData(SyncJob.PracticeKey, practice.Id.ToString())
                .UsingJobData(SyncJob.OrganizationKey, practice.OrganizationId.ToString())
                .UsingJobData(SyncJob.ResourceKey, resource.Name)
                .StoreDurably()
                .Build();
            await scheduler.ScheduleJob(job, [BuildTrigger(connection, resource.Name, practice.TimeZone, time.GetUtcNow())], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }

    /// <summary>Runs the connection's resources now (or just <paramref name="resource"/>); false when it is disabled or reads none of them.</summary>
    public async Task<bool> SyncNowAsync(Connection connection, Practice practice, CancellationToken cancellationToken, string? resource = null)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var read = ResourcesReadBy(connection).Where(r => resource is null || r.Name == resource).ToList();
        if (!connection.Enabled || read.Count == 0)
        {
            return false;
        }
        foreach (var each in read)
        {
            if (!await scheduler.Exists(JobFor(connection.Id, each.Name), cancellationToken))
            {
                await ApplyAsync(connection, practice, cancellationToken);
            }
            await scheduler.TriggerJob(JobFor(connection.Id, each.Name), new JobDataMap { [SyncJob.ManualKey] = "true" }, cancellationToken);
        }
        return true;
    }

    /// <summary>When the scheduled sync of one resource of a connection runs next; null when none is scheduled (disabled, or not read).</summary>
    public async Task<DateTimeOffset?> NextRunAsync(Guid connectionId, string resource, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return (await scheduler.GetTrigger(TriggerFor(connectionId, resource), cancellationToken))?.NextFireTimeUtc;
    }

    /// <summary>
    /// The resources this connection's system provides, decided per connection by its connector. A connection
    /// whose connector cannot be made (damaged settings) keeps every resource of a PMS, so its runs fail where
    /// a person sees why instead of silently never running.
    /// </summary>
    public IReadOnlyList<SyncResource> ResourcesReadBy(Connection connection)
    {
        if (available.Find(connection.ConnectorKey)?.Syncs != true)
        {
            return [];
        }
        try
        {
            var connector = connectors.Create(connection);
            return SyncResourceCatalog.All.Where(r => r.IsReadBy(connector)).ToList();
        }
        catch (Exception e) when (e is ConnectorConfigurationException or System.Security.Cryptography.CryptographicException or FormatException)
        {
            return SyncResourceCatalog.All;
        }
    }

    /// <summary>At start: every enabled connection has its trigger, with its current settings.</summary>
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        // Start-up works for every practice: the one place schedules are read across tenants.
        var rows = await (
            from connection in db.Connections.IgnoreQueryFilters()
            join practice in db.Practices.IgnoreQueryFilters() on connection.PracticeId equals practice.Id
            select new { connection, practice }).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await ApplyAsync(row.connection, row.practice, cancellationToken);
        }
    }

    public static ITrigger BuildTrigger(Connection connection, string resource, TimeZoneInfo zone, DateTimeOffset startAt)
    {
        var builder = TriggerBuilder.Create().WithIdentity(TriggerFor(connection.Id, resource)).ForJob(JobFor(connection.Id, resource)).StartAt(startAt);
        return connection.SyncSchedule switch
        {
            SyncSchedule.Daily => builder
                .WithSchedule(CronScheduleBuilder.Create($"0 {connection.SyncDailyAt.Minute} {connection.SyncDailyAt.Hour} * * ?").InTimeZone(zone))
                .Build(),
            SyncSchedule.Hourly => builder
                .WithSchedule(CronScheduleBuilder.Create($"0 {SpreadMinute(connection.Id, resource)} * * * ?").InTimeZone(zone))
                .Build(),
            SyncSchedule.Interval => builder
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Max(5, connection.SyncIntervalMinutes))).RepeatForever())
                .Build(),
        };
    }

    /// <summary>How old the last successful read may be before the connection shows red.</summary>
    public static TimeSpan StaleAfter(SyncSchedule schedule, int intervalMinutes) => schedule switch
    {
        SyncSchedule.Daily => TimeSpan.FromHours(26),
        SyncSchedule.Hourly => TimeSpan.FromMinutes(150),
        SyncSchedule.Interval => TimeSpan.FromMinutes(Math.Max(150, intervalMinutes * 2.5)),
    };

    // Hourly syncs of many practices should not all start on the hour. A stable hash (string hashes are
    // randomized per process) so every node computes the same minute.
    private static int SpreadMinute(Guid connectionId, string resource) =>
        (int)(((uint)connectionId.GetHashCode() + (uint)resource.Sum(c => c * 7)) % 60);
}
