using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The account endpoints' items, as opendental.com/site/api{procedurelogs,paysplits,adjustments,claimprocs}.html
/// show them. These items carry a number and a name under names that differ only in case ("AdjType": 1 and
/// "adjType": "Misc Neg Adjustment", "Priority"/"priority"), so they are read with case-sensitive names.
/// Money may come as a number or a string ("ProcFee": "130.00").
/// </summary>
internal static class ApiLedgerWire
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>A "yyyy-MM-dd" date (a date-time's date part); anything else is Open Dental's "no date", which the hub reports.</summary>
    public static DateOnly Date(string? text) => PatientMapping.BirthDate(text) ?? PatientMapping.NoDate;

    /// <summary>
    /// Whether a SecDateTEdit is after <paramref name="since"/>. Some versions write only the date
    /// ("2023-01-27", as apipaysplits.html shows); such a row counts as changed on its whole day.
    /// </summary>
    public static bool ChangedAfter(string? stamp, DateTime? since)
    {
        if (since is null)
        {
            return true;
        }
        if (ApiCursor.ParseWire(stamp) is { } time)
        {
            return time > since;
        }
        return !DateOnly.TryParseExact(stamp?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day >= DateOnly.FromDateTime(since.Value);
    }
}
