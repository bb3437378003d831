using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Where the daily pass over the families' aging stands: the office's date of the pass and the last guarantor
/// read (<c>opendental-api:v1:balances:2024-05-01:123</c>), or that the pass is done (<c>...:2024-05-01:done</c>).
/// No date means the office's clock was not known (a version without <c>serverDateTime</c>).
/// </summary>
internal sealed record ApiBalanceCursor(DateOnly? Day, long After, bool Done)
{
    public const string Prefix = ApiCursor.Prefix + "balances:";

    public static ApiBalanceCursor Start { get; } = new(null, 0, false);

    public static ApiBalanceCursor Parse(SyncCursor? cursor)
    {
        if (cursor is null || !cursor.Value.StartsWith(ApiCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from database mode after the connection was switched: a new pass.
            return Start;
        }
        var parts = cursor.Value.StartsWith(Prefix, StringComparison.Ordinal) ? cursor.Value[Prefix.Length..].Split(':') : [];
        if (parts.Length == 2 && TryParseDay(parts[0], out var day))
        {
            if (parts[1] == "done")
            {
                return new ApiBalanceCursor(day, 0, true);
            }
            if (long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                return new ApiBalanceCursor(day, after, false);
            }
        }
        throw new FormatException("The saved Open Dental sync position is damaged. Reset the connection's sync to read everything again.");
    }

    private static bool TryParseDay(string text, out DateOnly? day)
    {
        day = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }

    public SyncCursor ToSyncCursor() => new(Prefix + Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ":"
        + (Done ? "done" : After.ToString(CultureInfo.InvariantCulture)));
}
