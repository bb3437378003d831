using Microsoft.Data.Sqlite;

namespace DentalHub.Data;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background, once a second. Connections do
/// not do it themselves (<c>wal_autocheckpoint = 0</c> in <see cref="SqlitePragmas"/>): with SQLite's default,
/// the commit that crosses 1,000 logged pages copies every logged page into the database file and syncs it
/// before it returns, so whichever request or sync page happens to commit then waits for everybody's writes.
/// That is what made an incremental sync's commit cost follow the practice's size and gave writeback its
/// latency tail. A passive checkpoint never blocks readers or the writer.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseSettings settings, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                logger.LogWarning("SQLite checkpoint failed ({Code}); the next one retries", e.SqliteErrorCode);
            }
        }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
