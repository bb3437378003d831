using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.SampleData;

namespace DentalHub.Hosting;

public static class DataSetup
{
    public static DatabaseSettings AddDentalHubData(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DentalHubDbFactory>();
        builder.Services.AddSingleton(TimeProvider.System);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddHostedService<SqliteCheckpointer>();
        }
        // Identity and the Data Protection key ring take the context from DI; it sees no tenant rows.
        builder.Services.AddScoped(sp => sp.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant());
        return settings;
    }

    /// <summary>
    /// Migrates the schema and, when sample data is on, seeds the sample practice. Unless SampleData:SyncAtFirstRun is
    /// false, its patients are read before the app answers, a few weeks of activity is generated for them
    /// (<see cref="SampleActivity"/>: payments, payouts, rewards, tags, templates) and a sync of everything else its
    /// Demo PMS serves is started, so the first pages opened show a working practice rather than "last read: never".
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var factory = app.Services.GetRequiredService<DentalHubDbFactory>();
        if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await DatabaseStartup.MigrateAsync(factory, stopping);
        }
        var seeded = app.Configuration.GetValue("SampleData:Enabled", false)
            ? await app.Services.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(stopping)
            : null;
        var scheduler = app.Services.GetRequiredService<Sync.SyncScheduler>();
        await scheduler.ReconcileAllAsync(stopping);
        if (seeded is var (connection, practice) && app.Configuration.GetValue("SampleData:SyncAtFirstRun", true))
        {
            var tenant = Tenancy.TenantScope.ForPractice(practice.OrganizationId, practice.Id);
            await app.Services.GetRequiredService<Sync.SyncRunner>().RunAsync(tenant, connection.Id, Sync.SyncResources.Patients, Sync.SyncTrigger.Manual, stopping);
            await app.Services.GetRequiredService<SampleActivity>().SeedAsync(tenant, stopping);
            // Queued jobs: they run once the scheduler starts with the host, one per resource.
            foreach (var resource in scheduler.ResourcesReadBy(connection).Where(r => r.Name != Sync.SyncResources.Patients))
            {
                await scheduler.SyncNowAsync(connection, practice, stopping, resource.Name);
            }
        }
    }
}
