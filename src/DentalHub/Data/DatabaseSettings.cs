namespace DentalHub.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where DentalHub keeps its data. SQLite under ./data unless configuration names PostgreSQL
/// (Database:Provider = "Postgres", ConnectionStrings:DentalHub = an Npgsql connection string).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string SchedulerConnectionString)
{
    public const string DefaultDataFolder = "data";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue<DatabaseProvider?>("Database:Provider") ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("DentalHub");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:DentalHub is empty. Set it to an Npgsql connection string.");
            }
            return new DatabaseSettings(provider, connectionString, connectionString);
        }

        var folder = configuration["Database:DataFolder"] ?? Path.Combine(contentRoot, DefaultDataFolder);
        Directory.CreateDirectory(folder);
        return new DatabaseSettings(
            provider,
            connectionString ?? $"Data Source={Path.Combine(folder, "dentalhub.db")}",
            configuration.GetConnectionString("Scheduler") ?? $"Data Source={Path.Combine(folder, "scheduler.db")}");
    }
}
