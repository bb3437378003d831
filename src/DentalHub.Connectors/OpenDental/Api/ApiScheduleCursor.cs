using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// What the last complete schedule read through the API returned: each block's ScheduleNum by its date, so the
/// next read can tell which blocks of dates it reads again are gone (see <see cref="ApiScheduleFeed"/>). Written as
/// <c>opendental-api:v1:schedules:20260301=12,13;20260302=14</c>; a window of a few providers' days is a few
/// thousand numbers, some tens of kilobytes at most.
/// </summary>
internal sealed record ApiScheduleCursor(IReadOnlyDictionary<string, DateOnly> Blocks)
{
    public const string Prefix = ApiCursor.Prefix + "schedules:";
    private const string DateFormat = "yyyyMMdd";

    public static ApiScheduleCursor None { get; } = new(new Dictionary<string, DateOnly>());

    /// <summary>What the last read returned; nothing when there was none (or it was in database mode).</summary>
    public static ApiScheduleCursor Parse(SyncCursor? cursor)
    {
        if (cursor is null || !cursor.Value.StartsWith(ApiCursor.Prefix, StringComparison.Ordinal))
        {
            return None;
        }
        var blocks = new Dictionary<string, DateOnly>();
        var text = cursor.Value.StartsWith(Prefix, StringComparison.Ordinal) ? cursor.Value[Prefix.Length..] : null;
        foreach (var day in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = day.Split('=');
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                text = null;
                break;
            }
            foreach (var id in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                blocks[id] = date;
            }
        }
        return text is not null
            ? new ApiScheduleCursor(blocks)
            : throw new FormatException("The saved Open Dental sync position is damaged. Reset the connection's sync to read everything again.");
    }

    public SyncCursor ToSyncCursor() => new(Prefix + string.Join(';', Blocks
        .GroupBy(b => b.Value, b => b.Key)
        .OrderBy(g => g.Key)
        .Select(g => g.Key.ToString(DateFormat, CultureInfo.InvariantCulture) + "=" + string.Join(',', g.Order(StringComparer.Ordinal)))));
}
