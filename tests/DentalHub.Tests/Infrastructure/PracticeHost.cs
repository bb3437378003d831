using DentalHub.Data;
using DentalHub.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// The whole app on a database of its own with one practice, for a suite that syncs scripted PMSs into it;
/// it can be restarted on the same database, as an upgrade or a redeploy would.
/// </summary>
public sealed class PracticeHost : IAsyncDisposable
{
    private readonly TestDatabase database;

    private PracticeHost(TestDatabase database, DentalHubApp app, TestPractice practice)
    {
        this.database = database;
        App = app;
        Practice = practice;
    }

    public DentalHubApp App { get; private set; }

    public TestPractice Practice { get; }

    public static async Task<PracticeHost> StartAsync(DatabaseProvider provider, string practiceName)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        var database = TestDatabase.Create(provider);
        var app = new DentalHubApp(database);
        return new PracticeHost(database, app, await app.AddPracticeAsync(practiceName));
    }

    public Task<Guid> ConnectAsync(ScriptedPms pms) => App.ConnectAsync(Practice, pms);

    public Task<SyncOutcome> SyncPatientsAsync(Guid connectionId) =>
        App.Services.GetRequiredService<SyncRunner>().RunAsync(Practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

    public DentalHubDb Db() => App.Databases.Create(Practice.Tenant);

    /// <summary>Stops the app and starts it again on the same database (what runs at start runs again).</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = new DentalHubApp(database);
        _ = App.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await database.DisposeAsync();
    }
}
