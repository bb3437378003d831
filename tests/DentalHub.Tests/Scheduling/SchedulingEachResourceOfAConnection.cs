using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Scheduling;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DentalHub.Tests.Scheduling;

/// <summary>A connection gets one sync job per resource its system provides, and loses them when disabled.</summary>
public sealed class SchedulingEachResourceOfAConnection : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;

    public async Task InitializeAsync() => practice = await app.AddPracticeAsync("Jobs Dental");

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private async Task<IReadOnlyCollection<JobKey>> SyncJobsAsync(Guid connectionId)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Schedules.ConnectionGroup(connectionId)));
        return jobs.Where(j => j.Name.StartsWith("sync-", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task PmsConnection_Created_HasOneSyncJobPerResourceItReads()
    {
        var connectionId = await app.ConnectAsync(practice, pms);

        var jobs = await SyncJobsAsync(connectionId);

        var expected = SyncResourceCatalog.All.Select(r => SyncScheduler.JobFor(connectionId, r.Name)).Order();
        Assert.Equal(expected, jobs.Order());
    }

    [Fact]
    public async Task PmsConnection_Disabled_LosesEverySyncJob()
    {
        var connectionId = await app.ConnectAsync(practice, pms);
        var service = app.Services.GetRequiredService<ConnectionService>();

        await service.SetEnabledAsync(practice.Tenant, AuditActor.System, connectionId, false, CancellationToken.None);

        Assert.Empty(await SyncJobsAsync(connectionId));
    }

    [Fact]
    public async Task SyncNow_OnADisabledConnection_StartsNothingAndSaysSo()
    {
        var connectionId = await app.ConnectAsync(practice, pms);
        var service = app.Services.GetRequiredService<ConnectionService>();
        await service.SetEnabledAsync(practice.Tenant, AuditActor.System, connectionId, false, CancellationToken.None);

        Assert.False(await service.SyncNowAsync(practice.Tenant, AuditActor.System, connectionId, CancellationToken.None));
    }
}
