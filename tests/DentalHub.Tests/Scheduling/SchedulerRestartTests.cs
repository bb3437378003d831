using DentalHub.Data;
using DentalHub.Scheduling;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DentalHub.Tests.Scheduling;

/// <summary>The app stops and starts again on the same database: its schedules are still there.</summary>
public abstract class SchedulerSurvivingARestart(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task ScheduledTrigger_AfterRestart_IsStillScheduled()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        database = TestDatabase.Create(provider);
        var schedulerName = new Dictionary<string, string?> { ["Scheduler:Name"] = "restart-" + Guid.NewGuid().ToString("N")[..8] };
        var fireAt = new DateTimeOffset(2099, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var jobKey = new JobKey("restart-probe", "tests");

        await using (var first = new DentalHubApp(database, schedulerName))
        {
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var job = JobBuilder.Create<DentalHub.Connections.ConnectionCheckJob>().WithIdentity(jobKey).Build();
            var trigger = TriggerBuilder.Create().WithIdentity("restart-probe", "tests").StartAt(fireAt).Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions());
        }

        await using var second = new DentalHubApp(database, schedulerName);
        var restarted = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await restarted.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        var stored = await restarted.GetTrigger(new TriggerKey("restart-probe", "tests"));
        Assert.NotNull(stored);
        Assert.Equal(fireAt, stored.NextFireTimeUtc);
        Assert.NotNull(await restarted.GetJobDetail(jobKey));
        Assert.NotNull(await restarted.GetJobDetail(Schedules.ConnectionChecks));
    }
}

public sealed class SchedulerSurvivingARestartOnSqlite() : SchedulerSurvivingARestart(DatabaseProvider.Sqlite);

public sealed class SchedulerSurvivingARestartOnPostgres() : SchedulerSurvivingARestart(DatabaseProvider.Postgres);
