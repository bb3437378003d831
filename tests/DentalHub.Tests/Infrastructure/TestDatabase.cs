using DentalHub.Data;
using Npgsql;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class: a fresh SQLite folder, or a fresh PostgreSQL database
/// on the server the test script started (DENTALHUB_TEST_POSTGRES). Removed on dispose.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();

    /// <summary>A database already at the current schema, copied from one migrated once per test run (the app's start finds nothing to apply).</summary>
    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.Postgres => PostgresTestDatabase.Create(MigratedTemplate.Postgres()),
    };

    /// <summary>An empty database: for the tests of migrating at start.</summary>
    public static TestDatabase CreateEmpty(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(migrated: false),
        DatabaseProvider.Postgres => PostgresTestDatabase.Create(template: null),
    };
}

public sealed class SqliteTestDatabase : TestDatabase
{
    /// <summary>A folder of its own holding a copy of the migrated template, or nothing when <paramref name="migrated"/> is false.</summary>
    public SqliteTestDatabase(bool migrated = true)
    {
        if (migrated)
        {
            MigratedTemplate.CopySqliteTo(DatabaseFile);
        }
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("dentalhub-test-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabaseFile => Path.Combine(Folder, "dentalhub.db");

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = Folder,
    };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; it does not affect other tests.
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "DENTALHUB_TEST_POSTGRES";

    private readonly string serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:DentalHub"] = ConnectionString,
    };

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable);

    public static string SkipReason =>
        $"PostgreSQL tests need a server: set {EnvironmentVariable} (scripts/test.sh starts one and sets it).";

    public static PostgresTestDatabase Create(string? template)
    {
        var server = ServerConnectionString ?? throw new SkipException(SkipReason);
        var name = "dh_test_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}"), connection);
        command.ExecuteNonQuery();
        return new PostgresTestDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
