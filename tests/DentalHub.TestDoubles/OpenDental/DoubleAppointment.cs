using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// An appointment as <see cref="OpenDentalApiTestDouble"/> holds it, written as apiappointments.html shows it:
/// AptStatus by name, the confirmation as both <c>Confirmed</c> (definition number) and <c>confirmed</c> (its
/// name), booleans as "true"/"false", "0001-01-01 00:00:00" for no time. <see cref="DateTStamp"/> is set by the
/// double when the appointment is put.
/// </summary>
public sealed record DoubleAppointment(
    long AptNum,
    long PatNum,
    string AptStatus,
    DateTime? AptDateTime,
    string Pattern = "//XXXX//",
    long Confirmed = 19,
    string ConfirmedName = "Not Called",
    long Op = 1,
    string Note = "",
    long ProvNum = 1,
    string ProvAbbr = "DOC1",
    long ProvHyg = 0,
    bool IsNewPatient = false,
    string ProcDescript = "",
    long ClinicNum = 0,
    long AppointmentTypeNum = 0)
{
    /// <summary>ApptStatus names the API writes and accepts (apiappointments.html, AptStatus parameter).</summary>
    public static readonly IReadOnlyList<string> Statuses =
        ["Scheduled", "Complete", "UnschedList", "ASAP", "Broken", "Planned", "PtNote", "PtNoteCompleted"];

    public DateTime DateTStamp { get; init; }

    public string AptDateTimeText => (AptDateTime ?? DateTime.MinValue).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    public Dictionary<string, object?> ToJson() => new()
    {
        ["AptNum"] = AptNum,
        ["PatNum"] = PatNum,
        ["AptStatus"] = AptStatus,
        ["Pattern"] = Pattern,
        ["Confirmed"] = Confirmed,
        ["confirmed"] = ConfirmedName,
        ["TimeLocked"] = "false",
        ["Op"] = Op,
        ["Note"] = Note,
        ["ProvNum"] = ProvNum,
        ["provAbbr"] = ProvAbbr,
        ["ProvHyg"] = ProvHyg,
        ["AptDateTime"] = AptDateTimeText,
        ["NextAptNum"] = 0,
        ["UnschedStatus"] = 0,
        ["unschedStatus"] = "",
        ["IsNewPatient"] = IsNewPatient ? "true" : "false",
        ["ProcDescript"] = ProcDescript,
        ["Assistant"] = 0,
        ["ClinicNum"] = ClinicNum,
        ["IsHygiene"] = "false",
        ["DateTStamp"] = DateTStamp.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        ["DateTimeArrived"] = "0001-01-01 00:00:00",
        ["DateTimeSeated"] = "0001-01-01 00:00:00",
        ["DateTimeDismissed"] = "0001-01-01 00:00:00",
        ["InsPlan1"] = 0,
        ["InsPlan2"] = 0,
        ["DateTimeAskedToArrive"] = "0001-01-01 00:00:00",
        ["colorOverride"] = "0,0,0",
        ["AppointmentTypeNum"] = AppointmentTypeNum,
        ["SecUserNumEntry"] = 0,
        ["SecDateTEntry"] = DateTStamp.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        ["Priority"] = "Normal",
        ["PatternSecondary"] = "",
        ["ItemOrderPlanned"] = 0,
        ["IsMirrored"] = "false",
    };
}
