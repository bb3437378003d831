namespace DentalHub.Tenancy;

/// <summary>The IANA time zones offered for a practice, most common for our practices first.</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "America/Halifax",
        "Europe/London", "Australia/Sydney",
    ];

    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
