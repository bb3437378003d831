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

    /// <summary>Every time zone this server knows, by IANA name.</summary>
    public static IReadOnlyList<string> All() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>For the command line: why a time zone was not accepted, names close to it, and how to list them all.</summary>
    public static string Help(string? given)
    {
        var city = given?.Trim().Split('/')[^1].Replace(' ', '_') ?? "";
        var close = city.Length < 3 ? [] : All()
            .Where(id => id.Split('/')[^1].StartsWith(city[..3], StringComparison.OrdinalIgnoreCase))
            .Take(8).ToList();
        var what = string.IsNullOrWhiteSpace(given) ? "Give the practice's time zone with --time-zone" : $"\"{given}\" is not a time zone this server knows";
        return $"{what}: an IANA name such as {string.Join(", ", Common.Take(5))}."
            + (close.Count > 0 ? $" Close to yours: {string.Join(", ", close)}." : "")
            + " Run the time-zones command to list every one this server knows.";
    }
}
