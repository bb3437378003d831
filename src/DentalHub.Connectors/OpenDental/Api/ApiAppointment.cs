using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /appointments</c> (opendental.com/site/apiappointments.html): AptStatus by name ("Scheduled",
/// "Complete", "UnschedList", "ASAP", "Broken", "Planned", or the patient notes "PtNote" and "PtNoteCompleted"),
/// booleans as "true"/"false", AptDateTime as "yyyy-MM-dd HH:mm:ss" ("0001-01-01 00:00:00" for none), the time
/// pattern (5 minutes a character), and the confirmation twice: <c>Confirmed</c> (the definition's number) and
/// <c>confirmed</c> (its name). The fields differ only by case, so items are read case-sensitively
/// (<see cref="Json"/>). <c>serverDateTime</c> comes with every item (21.2+).
/// </summary>
internal sealed record ApiAppointment(
    long AptNum,
    long PatNum,
    JsonElement AptStatus,
    string? Pattern,
    [property: JsonPropertyName("confirmed")] string? ConfirmedName,
    long Op,
    string? Note,
    long ProvNum,
    long ProvHyg,
    string? AptDateTime,
    string? IsNewPatient,
    long ClinicNum,
    long AppointmentTypeNum,
    [property: JsonPropertyName("serverDateTime")] string? ServerDateTime) : IServerTimed
{
    /// <summary>Exact field names, as the API writes them; numbers may come as strings.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Patient notes on the schedule share the table (and this endpoint) but are not appointments.</summary>
    public bool IsPatientNote => StatusName is "PtNote" or "PtNoteCompleted" || StatusCode is 7 or 8;

    public PmsAppointment ToPmsAppointment() => new(
        PmsId: PatientMapping.Id(AptNum),
        PatientPmsId: PatientMapping.OptionalId(PatNum),
        ProviderPmsId: PatientMapping.OptionalId(ProvNum),
        HygienistPmsId: PatientMapping.OptionalId(ProvHyg),
        OperatoryPmsId: PatientMapping.OptionalId(Op),
        ClinicPmsId: PatientMapping.OptionalId(ClinicNum),
        AppointmentTypePmsId: PatientMapping.OptionalId(AppointmentTypeNum),
        StartLocal: ApiCursor.ParseWire(AptDateTime) is { } start ? Database.AppointmentQuery.WallClock(start) : null,
        LengthMinutes: Database.AppointmentQuery.LengthOf(Pattern),
        Status: Status,
        Confirmation: PatientMapping.Text(ConfirmedName),
        IsNewPatient: ApiBool.Of(IsNewPatient),
        Note: PatientMapping.Text(Note),
        Procedures: null); // added by ApiAppointmentProcedures

    private string? StatusName => AptStatus.ValueKind == JsonValueKind.String ? AptStatus.GetString()?.Trim() : null;

    private int? StatusCode => AptStatus.ValueKind == JsonValueKind.Number && AptStatus.TryGetInt32(out var code) ? code : null;

    private PmsAppointmentStatus Status => StatusName switch
    {
        "Complete" => PmsAppointmentStatus.Complete,
        "UnschedList" or "ASAP" => PmsAppointmentStatus.Unscheduled,
        "Broken" => PmsAppointmentStatus.Broken,
        "Planned" => PmsAppointmentStatus.Planned,
        "Scheduled" => PmsAppointmentStatus.Scheduled,
        _ => Database.AppointmentQuery.Status(StatusCode ?? 1),
    };
}
