using DentalHub.Data;
using Npgsql;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// One database per provider migrated once per test process, which every test database is then copied from (a file
/// copy, or <c>CREATE DATABASE … TEMPLATE</c>): migrating the whole schema for each test class cost up to a second apiece.
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<string> SqliteTemplate = new(CreateSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresTemplate = new(CreatePostgres, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The PostgreSQL template's name; created on first use.</summary>
    public static string Postgres() => PostgresTemplate.Value;

    public static void CopySqliteTo(string databaseFile)
    {
        File.Copy(SqliteTemplate.Value, databaseFile);
        if (File.Exists(SqliteTemplate.Value + "-wal"))
        {
            File.Copy(SqliteTemplate.Value + "-wal", databaseFile + "-wal");
        }
    }

    private static string CreateSqlite()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("dentalhub-template-").FullName, "dentalhub.db");
        var database = $"Data Source={file};Pooling=False";
        Migrate(new DatabaseSettings(DatabaseProvider.Sqlite, database, database));
        return file;
    }

    private static string CreatePostgres()
    {
        var server = PostgresTestDatabase.ServerConnectionString ?? throw new SkipException(PostgresTestDatabase.SkipReason);
        // Named per process and build: two test processes on one server never share or race on a template.
        var name = $"dh_template_{typeof(DentalHubDb).Assembly.ManifestModule.ModuleVersionId:N}"[..28] + "_" + Environment.ProcessId;
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        // No pooling: a connection left open to the template would stop every copy of it.
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        Migrate(new DatabaseSettings(DatabaseProvider.Postgres, database, database));
        return name;
    }

    private static void Migrate(DatabaseSettings settings) =>
        DatabaseStartup.MigrateAsync(new DentalHubDbFactory(settings), CancellationToken.None).GetAwaiter().GetResult();
}
