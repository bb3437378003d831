using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Where a read of several tables stopped: one (change stamp, key) position per table, since each table
/// has its own stamps. Written as <c>opendental-db:v1:multi:proc=20240131T235959Z:12;split=00000000T000000Z:0</c>;
/// a table not named has not been read yet.
/// </summary>
internal sealed class MultiTableCursor
{
    public const string Prefix = DatabaseCursor.Prefix + "multi:";

    private readonly SortedDictionary<string, DatabaseCursor> positions;

    private MultiTableCursor(SortedDictionary<string, DatabaseCursor> positions) => this.positions = positions;

    public static MultiTableCursor Parse(SyncCursor? cursor)
    {
        var positions = new SortedDictionary<string, DatabaseCursor>(StringComparer.Ordinal);
        if (cursor is null || !cursor.Value.StartsWith(DatabaseCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from API mode after the connection was switched: read everything.
            return new MultiTableCursor(positions);
        }
        if (!cursor.Value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Damaged();
        }
        foreach (var part in cursor.Value[Prefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || DatabaseCursor.ParsePosition(part[(equals + 1)..]) is not { } position)
            {
                throw Damaged();
            }
            positions[part[..equals]] = position;
        }
        return new MultiTableCursor(positions);
    }

    /// <summary>Where <paramref name="table"/>'s read stopped; null when it has not been read.</summary>
    public DatabaseCursor? this[string table] => positions.GetValueOrDefault(table);

    /// <summary>This cursor with <paramref name="table"/> moved to <paramref name="position"/>.</summary>
    public MultiTableCursor With(string table, DatabaseCursor position) =>
        new(new SortedDictionary<string, DatabaseCursor>(positions, StringComparer.Ordinal) { [table] = position });

    public SyncCursor ToSyncCursor() => new(Prefix + string.Join(';', positions.Select(p => p.Key + "=" + p.Value.Position)));

    private static FormatException Damaged() =>
        new("The saved Open Dental sync position is damaged. Reset the connection's sync to read everything again.");
}
