using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// Open Dental's codes for schedules, operatories and appointment types, whichever way they were read
/// (database or API). Codes follow Open Dental's schema documentation (24.3).
/// </summary>
internal static class ScheduleCodes
{
    /// <summary><c>schedule.SchedType</c>: 0 Practice, 1 Provider, 2 Blockout, 3 Employee, 4 WebSchedASAP.</summary>
    public const int Practice = 0;
    public const int Provider = 1;
    public const int Blockout = 2;

    /// <summary><c>schedule.Status</c> 2: a Practice row that is a holiday, not a note for the day.</summary>
    public const int HolidayStatus = 2;

    /// <summary><c>definition.Category</c> of blockout types.</summary>
    public const int BlockoutTypesCategory = 25;

    /// <summary><c>deletedobject.ObjectType</c> 1 (ScheduleProv): a deleted schedule row.</summary>
    public const int DeletedScheduleObjectType = 1;

    /// <summary>One character of an appointment type's <c>Pattern</c> stands for five minutes.</summary>
    public const int MinutesPerPatternCharacter = 5;

    public static PmsScheduleKind KindOf(int schedType) => schedType switch
    {
        Provider => PmsScheduleKind.ProviderHours,
        Blockout => PmsScheduleKind.Blockout,
        _ => PmsScheduleKind.PracticeClosed,
    };

    /// <summary>A length from a time pattern ("//XX//" is 30 minutes); null when the pattern is empty (worked out from the procedures instead).</summary>
    public static int? LengthOf(string? pattern) =>
        string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim().Length * MinutesPerPatternCharacter;

    /// <summary>
    /// A colour stored as .NET's ARGB integer, as #RRGGBB. Alpha 0 is Color.Empty (0) or a transparent
    /// colour: no colour chosen, so none.
    /// </summary>
    public static string? ColorOfArgb(int argb) =>
        ((uint)argb >> 24) == 0 ? null : "#" + (argb & 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);

    /// <summary>
    /// A colour as the API writes it, "93,54,220" (red, green, blue), as #RRGGBB. The API writes no colour
    /// (Color.Empty) as "0,0,0", so that reads as none, like an empty colour in database mode.
    /// </summary>
    public static string? ColorOfRgb(string? rgb)
    {
        var parts = rgb?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 3 })
        {
            return null;
        }
        var channels = new byte[3];
        for (var i = 0; i < 3; i++)
        {
            if (!byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out channels[i]))
            {
                return null;
            }
        }
        return channels.All(c => c == 0) ? null : "#" + Convert.ToHexString(channels);
    }

    /// <summary>A time of day; Open Dental never writes one outside 00:00-23:59:59, a row edited by hand to do so reads as midnight.</summary>
    public static TimeOnly TimeOf(TimeSpan time) =>
        time >= TimeSpan.Zero && time < TimeSpan.FromDays(1) ? TimeOnly.FromTimeSpan(time) : TimeOnly.MinValue;

    /// <summary>Start and stop both at 00:00 mark a holiday or a note for the day, not hours (Open Dental's FormScheduleEdit).</summary>
    public static bool IsWholeDay(TimeOnly start, TimeOnly stop) => start == TimeOnly.MinValue && stop == TimeOnly.MinValue;
}
