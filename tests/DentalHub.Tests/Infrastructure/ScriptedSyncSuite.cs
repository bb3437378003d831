using DentalHub.Data;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// A suite whose every test syncs a scripted PMS into a practice of its own: the app on the suite's database, one
/// connection to <see cref="Pms"/>, and a manual sync of one resource at a time.
/// </summary>
public abstract class ScriptedSyncSuite(DatabaseProvider provider, string practiceName, string resource) : PracticeHostSuite(provider)
{
    protected ScriptedPms Pms { get; } = new();

    protected Guid ConnectionId { get; private set; }

    protected DentalHubApp App => Host.App;

    protected TestPractice Practice => Host.Practice;

    protected async Task StartAsync()
    {
        await StartAsync(practiceName);
        ConnectionId = await Host.ConnectAsync(Pms);
    }

    protected Task<SyncOutcome> SyncAsync(string? resourceToSync = null) =>
        App.Services.GetRequiredService<SyncRunner>().RunAsync(Practice.Tenant, ConnectionId, resourceToSync ?? resource, SyncTrigger.Manual, CancellationToken.None);

    protected DentalHubDb Db() => Host.Db();

    protected async Task<SyncRun> LastRunAsync(string? resourceSynced = null)
    {
        await using var db = Db();
        var wanted = resourceSynced ?? resource;
        return await db.SyncRuns.Where(r => r.Resource == wanted).OrderByDescending(r => r.StartedAt).FirstAsync();
    }
}
