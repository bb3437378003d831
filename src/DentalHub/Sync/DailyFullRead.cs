using DentalHub.Connectors.Contract;

namespace DentalHub.Sync;

/// <summary>
/// When a resource whose feed cannot report every deletion (<see cref="IChangeFeed{T}.ReportsEveryDeletion"/>) is
/// read whole again: once a day, by the first run after 1 a.m. in the practice's time zone, when the office is
/// closed and nobody waits for the sync. That run marks what it no longer finds as deleted.
/// </summary>
public static class DailyFullRead
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Whether a run starting at <paramref name="now"/> reads the resource whole again.</summary>
    public static bool IsDue(DateTimeOffset? lastFullReadAt, DateTimeOffset now, TimeZoneInfo zone) =>
        lastFullReadAt is null || lastFullReadAt < LastMark(now, zone);

    /// <summary>The latest 1 a.m. in the practice's time zone at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LastMark(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var mark = local.Date + Hour;
        if (local < mark)
        {
            mark = mark.AddDays(-1);
        }
        // 1 a.m. exists on every day in zones that change the clock at 2 a.m.; where a change skips it, the hour after is taken.
        while (zone.IsInvalidTime(mark))
        {
            mark += Hour;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(mark, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
