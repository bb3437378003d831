using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /patients/Simple</c> as documented on opendental.com/site/apipatients.html:
/// PascalCase fields, statuses and genders as enum names ("Patient", "Female"), dates as
/// "yyyy-MM-dd", timestamps as "yyyy-MM-dd HH:mm:ss", and <c>serverDateTime</c> in every item.
/// </summary>
internal sealed record ApiPatient(
    long PatNum,
    long Guarantor,
    string? LName,
    string? FName,
    string? MiddleI,
    string? Preferred,
    JsonElement PatStatus,
    JsonElement Gender,
    string? Birthdate,
    string? Address,
    string? Address2,
    string? City,
    string? State,
    string? Zip,
    string? HmPhone,
    string? WkPhone,
    string? WirelessPhone,
    string? Email,
    long PriProv,
    long ClinicNum,
    string? DateTStamp,
    string? ServerDateTime) : IServerTimed
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        // Older versions and the Local API are not consistent about numbers in strings.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public PmsPatient ToPmsPatient() => new OpenDentalPatientRow(
        PatNum, Guarantor, FName, LName, MiddleI, Preferred,
        PatientMapping.BirthDate(Birthdate),
        Code(Gender, PatientMapping.Gender, PatientMapping.Gender, PmsGender.Unknown),
        Code(PatStatus, PatientMapping.Status, PatientMapping.Status, PmsPatientStatus.Inactive),
        Email, HmPhone, WirelessPhone, WkPhone, Address, Address2, City, State, Zip, ClinicNum, PriProv,
        // DateTStamp is the office's wall-clock time with no zone; a guessed offset would be wrong
        // for part of the year, so API rows carry no change time.
        ChangedAt: null).ToPmsPatient();

    /// <summary>Enum names as the docs show them; the numeric codes as well, in case a version sends those.</summary>
    private static T Code<T>(JsonElement value, Func<string, T> byName, Func<int, T> byCode, T fallback) => value.ValueKind switch
    {
        JsonValueKind.String => byName(value.GetString() ?? ""),
        JsonValueKind.Number when value.TryGetInt32(out var code) => byCode(code),
        _ => fallback,
    };
}
