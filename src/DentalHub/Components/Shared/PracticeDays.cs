namespace DentalHub.Components.Shared;

/// <summary>Days as the practice lives them: a date range in its time zone, as the UTC instants that bound it.</summary>
public static class PracticeDays
{
    /// <returns>The first instant of <paramref name="from"/> and the first instant after <paramref name="to"/>, each null when its date is.</returns>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Bounds(DateOnly? from, DateOnly? to, TimeZoneInfo zone) =>
        (from is { } first ? StartOf(first, zone) : null, to is { } last ? StartOf(last.AddDays(1), zone) : null);

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where midnight does not exist (a zone that springs forward at 00:00), the day starts an hour later.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The Monday of <paramref name="day"/>'s week (weeks run Monday to Sunday).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A day written yyyy-MM-dd (as pages put it in export links); null when empty or unreadable.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
