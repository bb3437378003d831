using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Where a <see cref="DeletionTrackedFeed{T}"/> stopped in each of its tables, as two <see cref="DatabaseCursor"/>
/// positions: <c>opendental-db:v1:20240131T235959Z:1234/deleted:20240131T235959Z:77</c>. Either part is left out
/// while that table has not been read (<c>opendental-db:v1:/deleted:...</c>, <c>opendental-db:v1:20240131T235959Z:1234</c>).
/// </summary>
internal static class TwoTableCursor
{
    private const string Separator = "/deleted:";

    public static (DatabaseCursor? Records, DatabaseCursor? Deletions) Parse(SyncCursor? cursor)
    {
        if (cursor is null || !cursor.Value.StartsWith(DatabaseCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from API mode after the connection was switched: read everything. Anything
            // else is damaged, which DatabaseCursor says.
            _ = DatabaseCursor.Parse(cursor);
            return (null, null);
        }
        var text = cursor.Value[DatabaseCursor.Prefix.Length..];
        var split = text.IndexOf(Separator, StringComparison.Ordinal);
        var records = split < 0 ? text : text[..split];
        var deletions = split < 0 ? "" : text[(split + Separator.Length)..];
        return (Part(records), Part(deletions));
    }

    public static SyncCursor Format(DatabaseCursor? records, DatabaseCursor? deletions) =>
        new(DatabaseCursor.Prefix + Part(records) + (deletions is null ? "" : Separator + Part(deletions)));

    private static DatabaseCursor? Part(string text) =>
        text.Length == 0 ? null : DatabaseCursor.Parse(new SyncCursor(DatabaseCursor.Prefix + text));

    private static string Part(DatabaseCursor? position) =>
        position is null ? "" : position.ToSyncCursor().Value[DatabaseCursor.Prefix.Length..];
}
