using System.Globalization;

namespace DentalHub.Components.Shared;

/// <summary>Shows stored UTC times as the practice's wall-clock time, with how long ago.</summary>
public static class PracticeTime
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    public static string Format(DateTimeOffset? utc, string timeZoneId)
    {
        if (utc is not { } value)
        {
            return "Never";
        }
        var local = TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return local.ToString("MMM d, yyyy h:mm tt", Display);
    }

    public static string Relative(DateTimeOffset? utc, DateTimeOffset now)
    {
        if (utc is not { } value)
        {
            return "";
        }
        var span = now - value;
        var future = span < TimeSpan.Zero;
        var magnitude = future ? -span : span;
        var text = magnitude switch
        {
            { TotalMinutes: < 1 } => "less than a minute",
            { TotalHours: < 1 } => $"{(int)magnitude.TotalMinutes} min",
            { TotalDays: < 1 } => $"{(int)magnitude.TotalHours} h",
            _ => $"{(int)magnitude.TotalDays} days",
        };
        return future ? $"in {text}" : $"{text} ago";
    }
}
