using DentalHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalHub.Tests.Persistence;

/// <summary>Commits on SQLite only append to the write-ahead log; the background checkpointer moves it into the database.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dentalhub-checkpoint-").FullName;

    private string DatabaseFile => Path.Combine(folder, "hub.db");

    private string ConnectionString => $"Data Source={DatabaseFile};Pooling=False";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Commit_LargerThanTheDefaultCheckpointThreshold_StaysInTheLogUntilTheCheckpointerRuns()
    {
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; " + SqlitePragmas.PerConnection + " CREATE TABLE t (x BLOB);");
            await using var transaction = connection.BeginTransaction();
            // 2,000 pages of 4 KB: twice SQLite's default auto-checkpoint threshold of 1,000 pages.
            await ExecuteAsync(connection, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT randomblob(4000) FROM n;", transaction);
            await transaction.CommitAsync();
            var committed = new FileInfo(DatabaseFile).Length;
            Assert.True(committed < 100_000, $"The commit wrote {committed} bytes into the database file itself.");
            Assert.True(new FileInfo(DatabaseFile + "-wal").Length > 8_000_000);

            await new SqliteCheckpointer(new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString, ""), TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance)
                .CheckpointAsync(CancellationToken.None);

            Assert.True(new FileInfo(DatabaseFile).Length > 8_000_000);
        }
    }

    [Fact]
    public async Task Transaction_DirtyingTenTimesTheDefaultPageCache_WritesTheLogOnlyAtItsCommit()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; " + SqlitePragmas.PerConnection + " CREATE TABLE t (x BLOB);");
        var logBefore = LogLength();
        await using var transaction = connection.BeginTransaction();
        // 5,000 pages of 4 KB (20 MB): SQLite's default 2 MB cache would spill most of them into the log mid-transaction.
        await ExecuteAsync(connection, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT randomblob(4000) FROM n;", transaction);

        Assert.Equal(logBefore, LogLength());
        await transaction.CommitAsync();
        Assert.True(LogLength() > logBefore + 20_000_000, $"The log holds {LogLength()} bytes after the commit.");
    }

    private long LogLength() => File.Exists(DatabaseFile + "-wal") ? new FileInfo(DatabaseFile + "-wal").Length : 0;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
