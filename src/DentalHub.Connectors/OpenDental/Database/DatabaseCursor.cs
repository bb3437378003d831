using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Where a database read stopped: the (change stamp, primary key) of the last row handed out, DateTStamp
/// in UTC. Written as <c>opendental-db:v1:20240131T235959Z:1234</c>; a zero DateTStamp (rows older
/// than the column) is <c>00000000T000000Z</c>.
/// </summary>
internal sealed record DatabaseCursor(DateTime ChangedAtUtc, long Key)
{
    public const string Prefix = "opendental-db:v1:";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string ZeroStamp = "00000000T000000Z";

    /// <summary>Where a whole-table read (a table without a change stamp) stands once it is complete: at the start again.</summary>
    public static readonly SyncCursor Restart = new(Prefix + "restart");

    /// <summary>The position to read after; null means "from the beginning".</summary>
    public static DatabaseCursor? Parse(SyncCursor? cursor)
    {
        if (cursor is null || cursor == Restart || cursor.Value.StartsWith(Api.ApiCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from API mode after the connection was switched: read everything.
            return null;
        }
        if (cursor.Value.StartsWith(Prefix, StringComparison.Ordinal) && ParsePosition(cursor.Value[Prefix.Length..]) is { } position)
        {
            return position;
        }
        throw new FormatException("The saved Open Dental sync position is damaged. Reset the connection's sync to read everything again.");
    }

    public SyncCursor ToSyncCursor() => new(Prefix + Position);

    /// <summary>The position alone (<c>20240131T235959Z:1234</c>), for cursors that hold several (<see cref="MultiTableCursor"/>).</summary>
    public string Position => FormatStamp(ChangedAtUtc) + ":" + Key.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <see cref="Position"/> read back, or null when it is not one.</summary>
    public static DatabaseCursor? ParsePosition(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            && TryParseStamp(parts[0], out var stamp)
                ? new DatabaseCursor(stamp, key)
                : null;
    }

    /// <summary>The stamp as a SQL literal, so that a zero DateTStamp compares as zero and not as year 1.</summary>
    public string SqlTimestamp => ChangedAtUtc == DateTime.MinValue
        ? "0000-00-00 00:00:00"
        : ChangedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string FormatStamp(DateTime stamp) =>
        stamp == DateTime.MinValue ? ZeroStamp : stamp.ToString(StampFormat, CultureInfo.InvariantCulture);

    private static bool TryParseStamp(string text, out DateTime stamp)
    {
        if (text == ZeroStamp)
        {
            stamp = DateTime.MinValue;
            return true;
        }
        return DateTime.TryParseExact(text, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out stamp);
    }
}
