using System.Data.Common;
using DentalHub.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DentalHub.Bench.Hub;

/// <summary>
/// A fresh DentalHub database for one measurement: a new SQLite file (WAL, as the app runs it) in a
/// temp folder, or a new database on the bench's PostgreSQL server. Removed on dispose.
/// </summary>
public abstract class HubDatabase : IAsyncDisposable
{
    /// <summary>Tables a sync writes, children first; emptied between runs so every run starts from empty tables.</summary>
    protected static readonly string[] SyncTables = ["PatientPhones", "PatientLinks", "ImportFailures", "Patients", "SyncRuns", "SyncStates"];

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A connection of our own with the settings the app's connections have (pragmas on SQLite).</summary>
    public abstract Task<DbConnection> OpenAsync();

    /// <summary>Empties what a sync wrote, keeping the migrated schema, its indexes and the practice and connections.</summary>
    public abstract Task EmptySyncTablesAsync();

    /// <summary>
    /// Lets the database catch up with earlier writes before a timed run, as it has between a practice's
    /// hourly or daily syncs (SQLite: the background checkpoint of the log, done to the end).
    /// </summary>
    public virtual Task SettleAsync() => Task.CompletedTask;

    /// <summary>SQLite: how many pages the write-ahead log holds. Null where there is no such log to count.</summary>
    public virtual Task<long?> LoggedPagesAsync() => Task.FromResult<long?>(null);

    public abstract Task<string> ServerVersionAsync();

    public abstract ValueTask DisposeAsync();

    public static HubDatabase Create(DatabaseProvider provider, string postgresServer) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteHubDatabase(),
        DatabaseProvider.Postgres => PostgresHubDatabase.Create(postgresServer),
    };
}

public sealed class SqliteHubDatabase : HubDatabase
{
    // The app's own per-connection settings, so the raw baseline writes with the same durability, the
    // same foreign-key checks and the same memory map as the engine.
    private const string AppPragmas = SqlitePragmas.PerConnection;

    public string Folder { get; } = Directory.CreateTempSubdirectory("dentalhub-bench-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = Folder,
    };

    private string ConnectionString => $"Data Source={Path.Combine(Folder, "dentalhub.db")}";

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = AppPragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    public override async Task SettleAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // Passive, as SqliteCheckpointer runs it: the log file keeps its length (up to journal_size_limit) and the
        // next commit writes over it from the start, as in the app, instead of growing a file truncated to zero.
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (await CheckpointAsync(command) is var (logged, moved) && moved < logged)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Pages the log holds (right after a settle, what the writes since then logged); checkpoints them on the way.</summary>
    public override async Task<long?> LoggedPagesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        return (await CheckpointAsync(command)).Logged;
    }

    private static async Task<(long Logged, long Moved)> CheckpointAsync(DbCommand command)
    {
        await using var result = await command.ExecuteReaderAsync();
        await result.ReadAsync();
        return (result.GetInt64(1), result.GetInt64(2));
    }

    public override async Task EmptySyncTablesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // VACUUM gives the next run a compact file, as a fresh database would be, not one full of free pages.
        command.CommandText = string.Concat(SyncTables.Select(t => $"DELETE FROM \"{t}\";")) + "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<string> ServerVersionAsync()
    {
        await using var connection = await OpenAsync();
        return "SQLite " + connection.ServerVersion;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresHubDatabase : HubDatabase
{
    private readonly string server;

    private PostgresHubDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:DentalHub"] = ConnectionString,
    };

    public static PostgresHubDatabase Create(string server)
    {
        var name = "dh_bench_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return new PostgresHubDatabase(server, name);
    }

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task EmptySyncTablesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // TRUNCATE leaves new, empty files and forgets the tables' statistics, as a fresh database has. CASCADE empties
        // what hangs off a profile (points, tags, photos), which a sync never fills.
        command.CommandText = $"TRUNCATE {string.Join(", ", SyncTables.Select(t => $"\"{t}\""))} CASCADE";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<string> ServerVersionAsync()
    {
        await using var connection = (NpgsqlConnection)await OpenAsync();
        return "PostgreSQL " + connection.PostgreSqlVersion;
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
