using System.Globalization;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// How one resource is read from Open Dental's tables: what to select from where, its primary key, and
/// its change stamp (DateTStamp or SecDateTEdit). Every resource pages the same way (<see cref="TableFeed{T}"/>):
/// by (stamp, key) after the cursor, leaving the newest seconds for the next read. A table without a
/// stamp (<see cref="Stamp"/> null) is read whole every run, paged by key: only small lists of settings
/// (appointment types, clinics) are, and unchanged rows cost the hub no write.
/// </summary>
/// <param name="Columns">The resource's columns; <see cref="Read"/> finds them from ordinal <see cref="FirstColumn"/>.</param>
/// <param name="Where">A filter every read applies (e.g. only provider schedules), or null.</param>
internal sealed record ChangeQuery<T>(string From, string Key, string? Stamp, string Columns, Func<MySqlDataReader, T> Read, string? Where = null)
{
    /// <summary>The stamp and the key come first in every row, so the reader can tell where the page stopped.</summary>
    public const int FirstColumn = 2;

    /// <summary>
    /// Rows changed less than this long ago are left for the next read. The stamp has one-second
    /// resolution and is set when a statement runs, not when it commits, so the current second (and a
    /// statement still committing from the one before) can still gain rows with a lower key than the
    /// last one handed out, which a strict (stamp, key) cursor would then skip for good. Holding back
    /// only the newest seconds avoids that without re-reading an overlap window. The cutoff uses the
    /// database server's clock, the same clock that writes the stamp.
    /// </summary>
    public const int SettleSeconds = 2;

    private string StampColumn => Stamp ?? "'0000-00-00 00:00:00'";

    private string Filter => Where is null ? "" : $" AND ({Where})";

    private string Settled => Stamp is null ? "1 = 1" : $"{Stamp} < NOW() - INTERVAL @settle SECOND";

    private string Order => Stamp is null ? Key : $"{Stamp}, {Key}";

    public string FirstPage => $"SELECT {StampColumn}, {Key}, {Columns} FROM {From} WHERE {Settled}{Filter} ORDER BY {Order} LIMIT @limit";

    // The keyset (stamp, key) > (@ts, @key) written out, because MySQL and MariaDB do not turn a
    // row-constructor comparison into an index range; "stamp >= @ts" can be one.
    public string NextPage => Stamp is null
        ? $"SELECT {StampColumn}, {Key}, {Columns} FROM {From} WHERE {Key} > @key{Filter} ORDER BY {Order} LIMIT @limit"
        : $"SELECT {StampColumn}, {Key}, {Columns} FROM {From} WHERE {Stamp} >= @ts AND ({Stamp} > @ts OR {Key} > @key) AND {Settled}{Filter} ORDER BY {Order} LIMIT @limit";

    /// <summary>The rows of <paramref name="keys"/> that the filter lets through, in key order.</summary>
    public async Task<List<T>> ReadByKeysAsync(IReadOnlyCollection<long> keys, MySqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = new List<T>(keys.Count);
        if (keys.Count == 0)
        {
            return rows;
        }
        // The keys are numbers read from the database, written as numbers: nothing from outside reaches the SQL.
        var list = string.Join(",", keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        await using var command = new MySqlCommand($"SELECT {StampColumn}, {Key}, {Columns} FROM {From} WHERE {Key} IN ({list}){Filter} ORDER BY {Key}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    public string Count => $"SELECT COUNT(*) FROM {From}" + (Where is null ? "" : $" WHERE {Where}");

    public MySqlCommand PageCommand(MySqlConnection connection, DatabaseCursor? after, int limit)
    {
        var command = new MySqlCommand(after is null ? FirstPage : NextPage, connection);
        command.Parameters.AddWithValue("@settle", SettleSeconds);
        command.Parameters.AddWithValue("@limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("@ts", after.SqlTimestamp);
            command.Parameters.AddWithValue("@key", after.Key);
        }
        return command;
    }

    /// <summary>Where a row leaves the read: its stamp (UTC) and key.</summary>
    public static DatabaseCursor PositionOf(MySqlDataReader reader) => new(reader.IsDBNull(0) ? DateTime.MinValue : reader.GetDateTime(0), reader.GetInt64(1));
}
