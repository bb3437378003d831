using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /schedules</c> (opendental.com/site/apischedules.html, 22.1+): numbers often as strings,
/// <c>SchedType</c> as its name, <c>BlockoutType</c> the blockout type's number and <c>blockoutType</c> (lower
/// case) its name, <c>operatories</c> the chairs' numbers separated by commas. Those two names differ only
/// in case, so the item is read with case-sensitive names (<see cref="ApiScheduleConverter"/>). The list
/// carries neither the clinic nor a Practice row's status, so clinics are not read in API mode.
/// </summary>
[JsonConverter(typeof(ApiScheduleConverter))]
internal sealed record ApiSchedule(
    long ScheduleNum,
    string? SchedDate,
    string? StartTime,
    string? StopTime,
    string? SchedType,
    long ProvNum,
    string? BlockoutTypeName,
    string? Note,
    string? Operatories) : IServerTimed, IPmsRecord
{
    private const string TimeFormat = "HH:mm:ss";

    public string? ServerDateTime => null;

    public string PmsId => PatientMapping.Id(ScheduleNum);

    /// <summary>A provider's note for the day (00:00 to 00:00): not hours.</summary>
    public bool IsNote => ScheduleCodes.IsWholeDay(Time(StartTime), Time(StopTime));

    public bool IsProviderHours => string.Equals(SchedType, "Provider", StringComparison.OrdinalIgnoreCase);

    public bool IsBlockout => string.Equals(SchedType, "Blockout", StringComparison.OrdinalIgnoreCase);

    public PmsScheduleBlock ToPmsScheduleBlock() => new(
        PmsId: PmsId,
        Kind: IsBlockout ? PmsScheduleKind.Blockout : PmsScheduleKind.ProviderHours,
        Date: DateOnly.TryParseExact(SchedDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : PatientMapping.NoDate,
        Start: Time(StartTime),
        End: Time(StopTime),
        ProviderPmsId: IsProviderHours ? PatientMapping.OptionalId(ProvNum) : null,
        ClinicPmsId: null,
        OperatoryPmsIds: [.. (Operatories ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(o => o != "0").Distinct()],
        Label: IsBlockout ? PatientMapping.Text(BlockoutTypeName) : null,
        Note: PatientMapping.Text(Note));

    private static TimeOnly Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : TimeOnly.MinValue;
}

/// <summary>Reads an <see cref="ApiSchedule"/> with case-sensitive names, whatever the list's options.</summary>
internal sealed class ApiScheduleConverter : JsonConverter<ApiSchedule>
{
    private static readonly JsonSerializerOptions CaseSensitive = new()
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public override ApiSchedule? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Fields>(ref reader, CaseSensitive) is { } f
            ? new ApiSchedule(f.ScheduleNum, f.SchedDate, f.StartTime, f.StopTime, f.SchedType, f.ProvNum, f.BlockoutTypeName, f.Note, f.Operatories)
            : null;

    public override void Write(Utf8JsonWriter writer, ApiSchedule value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Fields(value.ScheduleNum, value.SchedDate, value.StartTime, value.StopTime, value.SchedType, value.ProvNum, value.BlockoutTypeName, value.Note, value.Operatories), CaseSensitive);

    // The same fields without the converter, so that reading them does not come back here.
    private sealed record Fields(
        [property: JsonPropertyName("ScheduleNum")] long ScheduleNum,
        [property: JsonPropertyName("SchedDate")] string? SchedDate,
        [property: JsonPropertyName("StartTime")] string? StartTime,
        [property: JsonPropertyName("StopTime")] string? StopTime,
        [property: JsonPropertyName("SchedType")] string? SchedType,
        [property: JsonPropertyName("ProvNum")] long ProvNum,
        [property: JsonPropertyName("blockoutType")] string? BlockoutTypeName,
        [property: JsonPropertyName("Note")] string? Note,
        [property: JsonPropertyName("operatories")] string? Operatories);
}
