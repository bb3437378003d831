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
    /// Migrates the schema and, when sample data is on, seeds the sample practice and (unless
    /// SampleData:SyncAtFirstRun is false) starts a sync of everything its Demo PMS serves, so the first pages opened
    /// show a schedule, appointments and balances rather than "last read: never".
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<DentalHubDbFactory>();
        if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await DatabaseStartup.MigrateAsync(factory, app.Lifetime.ApplicationStopping);
        }
        var seeded = app.Configuration.GetValue("SampleData:Enabled", false)
            ? await app.Services.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping)
            : null;
        var scheduler = app.Services.GetRequiredService<Sync.SyncScheduler>();
        await scheduler.ReconcileAllAsync(app.Lifetime.ApplicationStopping);
        if (seeded is var (connection, practice) && app.Configuration.GetValue("SampleData:SyncAtFirstRun", true))
        {
            // Queued jobs: they run once the scheduler starts with the host, one per resource.
            await scheduler.SyncNowAsync(connection, practice, app.Lifetime.ApplicationStopping);
        }
    }
}
