namespace DentalHub.Payments;

/// <summary>When a daily batch runs next, at a wall-clock time in the practice's zone (daylight saving included).</summary>
public static class DailyBatch
{
    public static DateTimeOffset NextRun(TimeOnly at, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = DateOnly.FromDateTime(localNow.DateTime); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at);
            if (zone.IsInvalidTime(local))
            {
                // The clock skips this time on a spring-forward day: run at the first valid minute after it.
                local = local.AddHours(1);
            }
            var utc = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (utc > now)
            {
                return utc;
            }
        }
    }
}
