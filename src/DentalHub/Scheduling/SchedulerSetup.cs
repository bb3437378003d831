using DentalHub.Data;
using Quartz;

namespace DentalHub.Scheduling;

/// <summary>
/// Quartz.NET with a persistent job store: a SQLite file of its own by default (so a long sync
/// transaction in the main database cannot block trigger acquisition), PostgreSQL with clustering
/// when the app runs on PostgreSQL and several nodes may share it.
/// </summary>
public static class SchedulerSetup
{
    public static IServiceCollection AddDentalHubScheduler(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = configuration["Scheduler:Name"] ?? "DentalHub");
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(database.SchedulerConnectionString);
                        break;
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(database.SchedulerConnectionString);
                        store.UseClustering();
                        break;
                    default:
                        throw new InvalidOperationException($"No scheduler store for {database.Provider}.");
                }
            });
            Schedules.Declare(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
