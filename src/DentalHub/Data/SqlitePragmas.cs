using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DentalHub.Data;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing at once, and keep WAL's
/// durable-enough NORMAL sync. (WAL itself is a property of the file, set once at start.)
/// Reads go through a memory map: a large practice's tables are far bigger than SQLite's default
/// 2 MB page cache, and a sync page's lookups and updates land on pages scattered over all of them;
/// mapped, those are memory reads of the OS cache (shared by every connection) instead of a read()
/// call and a copy each. Commits do not checkpoint the log; <see cref="SqliteCheckpointer"/> does, in the
/// background, and the log file is cut back to 64 MB after it has been moved into the database.
/// A connection's page cache may hold 64 MB (the default is 2 MB): a sync transaction dirties pages all
/// over a large practice's tables, and once they outgrow the cache SQLite spills them into the log
/// before the commit and logs many of them again when the next rows land on them. Clean pages come from
/// the memory map, so the cache only grows with what a transaction changes.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string PerConnection =
        "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456; " +
        "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864; PRAGMA cache_size = -65536;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
