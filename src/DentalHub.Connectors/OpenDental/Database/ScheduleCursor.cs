using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Where a schedule read stopped, in its three parts (see <see cref="ScheduleFeed"/>): the (DateTStamp,
/// ScheduleNum) of the last schedule row handed out (none yet on a first read), the (DateTStamp,
/// DeletedObjectNum) of the last deletion reported, and the last <c>scheduleop</c> row looked at. Written as
/// <c>opendental-db:v1:schedules:20240131T235959Z:1234/20240131T235959Z:56/789</c>, "start" for no schedule
/// row yet.
/// </summary>
internal sealed record ScheduleCursor(DatabaseCursor? Schedules, DatabaseCursor Deletions, long LastScheduleOp)
{
    public const string Prefix = DatabaseCursor.Prefix + "schedules:";
    private const string NoneYet = "start";

    /// <summary>The position to read after; null means "from the beginning".</summary>
    public static ScheduleCursor? Parse(SyncCursor? cursor)
    {
        if (cursor is null || cursor.Value.StartsWith(Api.ApiCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from API mode after the connection was switched: read everything.
            return null;
        }
        var parts = cursor.Value.StartsWith(Prefix, StringComparison.Ordinal) ? cursor.Value[Prefix.Length..].Split('/') : [];
        if (parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var lastScheduleOp))
        {
            try
            {
                var schedules = parts[0] == NoneYet ? null : Part(parts[0]);
                if (Part(parts[1]) is { } deletions && (schedules is not null || parts[0] == NoneYet))
                {
                    return new ScheduleCursor(schedules, deletions, lastScheduleOp);
                }
            }
            catch (FormatException)
            {
                // Reported below, as every other damaged cursor.
            }
        }
        throw new FormatException("The saved Open Dental sync position is damaged. Reset the connection's sync to read everything again.");
    }

    public SyncCursor ToSyncCursor() => new(
        Prefix + (Schedules is null ? NoneYet : Text(Schedules)) + "/" + Text(Deletions) + "/" + LastScheduleOp.ToString(CultureInfo.InvariantCulture));

    private static DatabaseCursor? Part(string text) =>
        text.Contains(':', StringComparison.Ordinal) ? DatabaseCursor.Parse(new SyncCursor(DatabaseCursor.Prefix + text)) : null;

    private static string Text(DatabaseCursor position) => position.ToSyncCursor().Value[DatabaseCursor.Prefix.Length..];
}
