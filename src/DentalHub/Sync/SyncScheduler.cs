using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Scheduling;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DentalHub.Sync;

/// <summary>
/// Keeps each connection's sync trigger in Quartz in step with its settings: daily at a practice-local
/// time (Quartz follows the zone across daylight-saving changes), hourly at a minute spread by
/// connection, or every N minutes. "Sync now" fires the same job, so runs never overlap.
/// </summary>
public sealed class SyncScheduler(ISchedulerFactory schedulers, DentalHubDbFactory databases, AvailableConnectors available, TimeProvider time)
{
    public static JobKey JobFor(Guid connectionId) => new($"sync-patients:{connectionId}", Schedules.ConnectionGroup(connectionId));

    public static TriggerKey TriggerFor(Guid connectionId) => new($"sync-patients:{connectionId}", Schedules.ConnectionGroup(connectionId));

    public async Task ApplyAsync(Connection connection, Practice practice, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var reads = available.Find(connection.ConnectorKey)?.Kind == ConnectorKind.PracticeManagement;
        if (!connection.Enabled || !reads)
        {
            await scheduler.DeleteJob(JobFor(connection.Id), cancellationToken);
            return;
        }
        var job = JobBuilder.Create<PatientSyncJob>()
            .WithIdentity(JobFor(connection.Id))
            .UsingJobData(PatientSyncJob.ConnectionKey, connection.Id.ToString())
            .UsingJobData(PatientSyncJob.PracticeKey, practice.Id.ToString())
            .UsingJobData(PatientSyncJob.OrganizationKey, practice.OrganizationId.ToString())
            .StoreDurably()
            .Build();
        await scheduler.ScheduleJob(job, [BuildTrigger(connection, practice.TimeZone, time.GetUtcNow())], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task SyncNowAsync(Connection connection, Practice practice, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(JobFor(connection.Id), cancellationToken))
        {
            await ApplyAsync(connection, practice, cancellationToken);
        }
        await scheduler.TriggerJob(JobFor(connection.Id), new JobDataMap { [PatientSyncJob.ManualKey] = "true" }, cancellationToken);
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

    public static ITrigger BuildTrigger(Connection connection, TimeZoneInfo zone, DateTimeOffset startAt)
    {
        var builder = TriggerBuilder.Create().WithIdentity(TriggerFor(connection.Id)).ForJob(JobFor(connection.Id)).StartAt(startAt);
        return connection.SyncSchedule switch
        {
            SyncSchedule.Daily => builder
                .WithSchedule(CronScheduleBuilder.Create($"0 {connection.SyncDailyAt.Minute} {connection.SyncDailyAt.Hour} * * ?").InTimeZone(zone))
                .Build(),
            SyncSchedule.Hourly => builder
                .WithSchedule(CronScheduleBuilder.Create($"0 {SpreadMinute(connection.Id)} * * * ?").InTimeZone(zone))
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

    // Hourly syncs of many practices should not all start on the hour.
    private static int SpreadMinute(Guid connectionId) => (int)((uint)connectionId.GetHashCode() % 60);
}
