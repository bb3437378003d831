using System.Diagnostics;
using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Hosting;
using DentalHub.Secrets;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DentalHub.Bench.Hub;

/// <summary>A practice and one of its connections, as the engine is asked to sync it.</summary>
public sealed record HubConnection(TenantScope Tenant, Guid ConnectionId);

/// <summary>
/// DentalHub's own services, composed by the app's own setup code (data, security, features: the
/// real <see cref="SyncRunner"/>, connector factory and secret protection) on one database, without
/// the web pipeline or the scheduler, so nothing else runs while a sync is timed. The in-memory PMS
/// is offered beside the real connectors, the way the tests offer their test doubles.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private HubHost(WebApplication app, HubDatabase database)
    {
        this.app = app;
        Database = database;
    }

    public HubDatabase Database { get; }

    public IServiceProvider Services => app.Services;

    public DentalHubDbFactory Databases => app.Services.GetRequiredService<DentalHubDbFactory>();

    public static async Task<HubHost> StartAsync(HubDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration["SampleData:Enabled"] = "false";
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddDentalHubData();
        builder.Services.AddDentalHubSecurity();
        builder.Services.AddDentalHubFeatures(builder.Configuration);
        builder.Services.AddSingleton(new AvailableConnectors([.. ConnectorCatalog.All, MemoryPms.Descriptor]));
        var app = builder.Build();
        await DatabaseStartup.MigrateAsync(app.Services.GetRequiredService<DentalHubDbFactory>(), CancellationToken.None);
        // Of the app's background services only the SQLite checkpointer runs here: the app's commits rely on it.
        foreach (var checkpointer in app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>())
        {
            await checkpointer.StartAsync(CancellationToken.None);
        }
        return new HubHost(app, database);
    }

    /// <summary>A practice (Central time, as the tests use) in an organization of its own.</summary>
    public async Task<TenantScope> AddPracticeAsync(string name)
    {
        await using var db = Databases.CreateWithoutTenant();
        var organization = new Organization { Name = name + " Group" };
        var practice = new Practice { OrganizationId = organization.Id, Name = name, TimeZoneId = "America/Chicago" };
        db.Organizations.Add(organization);
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return TenantScope.ForPractice(organization.Id, practice.Id);
    }

    /// <summary>A connection stored as the connections page stores one: settings as JSON, secrets encrypted.</summary>
    public async Task<HubConnection> ConnectAsync(TenantScope tenant, string connectorKey, string name,
        IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> secrets)
    {
        var protector = app.Services.GetRequiredService<SecretProtector>();
        var now = TimeProvider.System.GetUtcNow();
        await using var db = Databases.Create(tenant);
        var connection = new Connection
        {
            PracticeId = tenant.PracticeId!.Value,
            ConnectorKey = connectorKey,
            Name = name,
            SettingsJson = JsonSerializer.Serialize(values),
            ProtectedSecrets = protector.Protect(secrets),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return new HubConnection(tenant, connection.Id);
    }

    public Task<HubConnection> ConnectMemoryAsync(TenantScope tenant, MemoryPms pms) =>
        ConnectAsync(tenant, MemoryPms.Key, "In-memory PMS", pms.Settings, new Dictionary<string, string>());

    /// <summary>Runs the engine once (SyncRunner.RunAsync, as the scheduler's job does) and returns how long it took.</summary>
    public async Task<TimeSpan> SyncAsync(HubConnection connection, string resource = SyncResources.Patients)
    {
        var sync = app.Services.GetRequiredService<SyncRunner>();
        var watch = Stopwatch.StartNew();
        var outcome = await sync.RunAsync(connection.Tenant, connection.ConnectionId, resource, SyncTrigger.Manual, CancellationToken.None);
        watch.Stop();
        if (outcome.Kind != SyncOutcomeKind.Completed)
        {
            throw new InvalidOperationException($"The sync did not complete: {outcome.Kind}: {outcome.Message}");
        }
        return watch.Elapsed;
    }

    /// <summary>Every patient the connection's connector serves on a full read, as the engine would receive them.</summary>
    public async Task<List<PmsPatient>> ReadAllAsync(HubConnection connection)
    {
        await using var db = Databases.Create(connection.Tenant);
        var stored = await db.Connections.AsNoTracking().FirstAsync(c => c.Id == connection.ConnectionId);
        var reader = (IReadsPatients)app.Services.GetRequiredService<ConnectorFactory>().Create(stored);
        var patients = new List<PmsPatient>();
        await foreach (var page in reader.ReadPatientsChangedSince(null, CancellationToken.None))
        {
            patients.AddRange(page.Rows);
        }
        return patients;
    }

    /// <summary>What the last run of a connection counted, to check that every run did the same work.</summary>
    public async Task<SyncRun> LastRunAsync(HubConnection connection, string resource = SyncResources.Patients)
    {
        await using var db = Databases.Create(connection.Tenant);
        return db.SyncRuns.Where(r => r.ConnectionId == connection.ConnectionId && r.Resource == resource).AsEnumerable().MaxBy(r => r.StartedAt)
            ?? throw new InvalidOperationException("No sync run was recorded.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var checkpointer in app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>())
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
        await app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
