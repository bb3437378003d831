using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Booking and changing appointments, from https://opendental.com/site/apiappointments.html:
/// <list type="bullet">
/// <item><c>POST /appointments</c>: PatNum, Op and AptDateTime ("yyyy-MM-dd HH:mm:ss") required; ProvNum (default the
/// patient's primary provider), Pattern (5 minutes a character, X or /; default the appointment type's, else "//XX//"),
/// AppointmentTypeNum and Note optional; 201 with the appointment.</item>
/// <item><c>PUT /appointments/{AptNum}</c>: only the fields sent change; 200 with the appointment.</item>
/// <item><c>PUT /appointments/{AptNum}/Confirm</c>: exactly one of confirmVal ("None", "Sent", "Confirmed", "Not Accepted"
/// or "Failed": the first ApptConfirmed definition, or the one the office's eConfirmation preference names) and defNum
/// (an ApptConfirmed definition).</item>
/// <item><c>PUT /appointments/{AptNum}/Break</c>: sendToUnscheduledList required, breakType "Missed" or "Cancelled";
/// only a scheduled appointment breaks.</item>
/// <item><c>GET /appointments/{AptNum}</c> and <c>GET /appointments/Slots</c> (date or dateStart/dateEnd, lengthMinutes,
/// ProvNum, OpNum): open times within providers' schedules, in chairs without an appointment.</item>
/// </list>
/// Unknown providers, chairs and appointment types, and a time that overlaps another scheduled appointment in the chair,
/// are answered 400 with an explanation; every write meets the shared faults of <see cref="AppointmentWrites"/>.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    public const string OverlapText = "Appointment overlaps another appointment in this operatory.";

    private long nextAptNum = 5000;

    /// <summary>POST and PUT of appointments: their bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint AppointmentWrites { get; }

    // PUT .../Confirm takes one of these five; "None" is the first ApptConfirmed definition, the other four are the office's
    // eConfirmation preferences (ApptEConfirmStatusSent, ...Accepted, ...Declined, ...SendFailed), each naming a definition.
    private static readonly string[] ConfirmVals = ["None", "Sent", "Confirmed", "Not Accepted", "Failed"];

    private readonly Dictionary<string, long> eConfirmStatuses = new() { ["Sent"] = 19, ["Confirmed"] = 21, ["Not Accepted"] = 19, ["Failed"] = 19 };

    /// <summary>Sets the office's eConfirmation preference behind a confirmVal ("Confirmed" → the definition it sets).</summary>
    public void SetEConfirmStatus(string confirmVal, long defNum)
    {
        lock (gate)
        {
            eConfirmStatuses[confirmVal] = defNum;
        }
    }

    public IReadOnlyList<DoubleAppointment> AllAppointments
    {
        get { lock (gate) { return appointments.Values.ToList(); } }
    }

    private void MapAppointmentWrites()
    {
        app.MapPost("/api/v1/appointments", context => PostAsync(context, AppointmentWrites, CreateAppointment));
        app.MapPut("/api/v1/appointments/{aptNum:long}", context => PostAsync(context, AppointmentWrites, body => ChangeAppointment(AptNumOf(context), body)));
        app.MapPut("/api/v1/appointments/{aptNum:long}/Confirm", context => PostAsync(context, AppointmentWrites, body => ConfirmAppointment(AptNumOf(context), body)));
        app.MapPut("/api/v1/appointments/{aptNum:long}/Break", context => PostAsync(context, AppointmentWrites, body => BreakAppointment(AptNumOf(context), body)));
        app.MapGet("/api/v1/appointments/{aptNum:long}", context => AnswerAsync(context, _ => OneAppointment(AptNumOf(context))));
        app.MapGet("/api/v1/appointments/Slots", context => AnswerAsync(context, Slots));
    }

    private static long AptNumOf(HttpContext context) => long.Parse((string)context.Request.RouteValues["aptNum"]!, CultureInfo.InvariantCulture);

    // Callers hold the gate.
    private (int Status, object Answer) CreateAppointment(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "Op") is null)
        {
            return (400, "Op is required.");
        }
        if (Field(json, "AptDateTime") is null)
        {
            return (400, "AptDateTime is required.");
        }
        long type = 0;
        if (Field(json, "AppointmentTypeNum") is { } typeText
            && (!long.TryParse(typeText, CultureInfo.InvariantCulture, out type) || !ListOf("appointmenttypes").ContainsKey(type)))
        {
            return (400, "AppointmentTypeNum is invalid.");
        }
        var pattern = type > 0 ? Convert.ToString(ListOf("appointmenttypes")[type].Fields.GetValueOrDefault("Pattern"), CultureInfo.InvariantCulture) : null;
        var draft = new DoubleAppointment(++nextAptNum, patient.PatNum, "Scheduled", null, string.IsNullOrEmpty(pattern) ? "//XX//" : pattern,
            ProvNum: patient.PriProv, Note: Field(json, "Note") ?? "", AppointmentTypeNum: type);
        if (Placed(draft, json) is not { } placed)
        {
            nextAptNum--;
            return (400, placeProblem!);
        }
        PutAppointments(placed);
        return (201, appointments[placed.AptNum].ToJson());
    }

    private (int Status, object Answer) ChangeAppointment(long aptNum, string body)
    {
        if (!appointments.TryGetValue(aptNum, out var current))
        {
            return (404, "Appointment not found.");
        }
        if (Json(body) is not { } json)
        {
            return (400, "Invalid JSON.");
        }
        if (Placed(current with { Note = Field(json, "Note") ?? current.Note }, json) is not { } placed)
        {
            return (400, placeProblem!);
        }
        PutAppointments(placed);
        return (200, appointments[aptNum].ToJson());
    }

    private (int Status, object Answer) ConfirmAppointment(long aptNum, string body)
    {
        if (!appointments.TryGetValue(aptNum, out var current))
        {
            return (404, "Appointment not found.");
        }
        if (Json(body) is not { } json)
        {
            return (400, "Invalid JSON.");
        }
        var confirmVal = Field(json, "confirmVal");
        var defText = Field(json, "defNum");
        if (confirmVal is null && defText is null)
        {
            return (400, "confirmVal or defNum is required.");
        }
        if (confirmVal is not null && defText is not null)
        {
            return (400, "Only one field is allowed, either confirmVal or defNum.");
        }
        DoubleDefinition? confirmation;
        if (confirmVal is not null)
        {
            if (!ConfirmVals.Contains(confirmVal))
            {
                return (400, "confirmVal is invalid.");
            }
            var confirmations = definitions.Where(d => d.Category == DoubleDefinition.ApptConfirmed).ToList();
            confirmation = confirmVal == "None"
                ? confirmations.FirstOrDefault()
                : eConfirmStatuses.TryGetValue(confirmVal, out var mapped) ? confirmations.FirstOrDefault(d => d.DefNum == mapped) : null;
        }
        else
        {
            confirmation = long.TryParse(defText, CultureInfo.InvariantCulture, out var defNum)
                ? definitions.FirstOrDefault(d => d.Category == DoubleDefinition.ApptConfirmed && d.DefNum == defNum)
                : null;
        }
        if (confirmation is null)
        {
            return (400, confirmVal is null ? "defNum is invalid." : "confirmVal is invalid.");
        }
        PutAppointments(current with { Confirmed = confirmation.DefNum, ConfirmedName = confirmation.ItemName });
        return (200, "");
    }

    private (int Status, object Answer) BreakAppointment(long aptNum, string body)
    {
        if (!appointments.TryGetValue(aptNum, out var current))
        {
            return (404, "Appointment not found.");
        }
        if (Json(body) is not { } json)
        {
            return (400, "Invalid JSON.");
        }
        if (Field(json, "sendToUnscheduledList") is not ("true" or "false") and var toList)
        {
            return (400, toList is null ? "sendToUnscheduledList is required." : "sendToUnscheduledList is invalid.");
        }
        if (Field(json, "breakType") is { } breakType && breakType is not ("Missed" or "Cancelled"))
        {
            return (400, "breakType is invalid.");
        }
        if (current.AptStatus != "Scheduled")
        {
            return (400, "Only scheduled appointments can be broken.");
        }
        PutAppointments(current with { AptStatus = Field(json, "sendToUnscheduledList") == "true" ? "UnschedList" : "Broken" });
        return (200, "");
    }

    private string? placeProblem;

    /// <summary>The appointment with the place (chair, provider, time, pattern) the body asks for, or null with <see cref="placeProblem"/>.</summary>
    private DoubleAppointment? Placed(DoubleAppointment appointment, JsonElement json)
    {
        var placed = appointment;
        if (Field(json, "Op") is { } opText)
        {
            if (!long.TryParse(opText, CultureInfo.InvariantCulture, out var op) || !ListOf("operatories").ContainsKey(op))
            {
                return Problem("Op is invalid.");
            }
            placed = placed with { Op = op };
        }
        if (Field(json, "ProvNum") is { } provText)
        {
            if (!long.TryParse(provText, CultureInfo.InvariantCulture, out var provNum) || !ListOf("providers").ContainsKey(provNum))
            {
                return Problem("ProvNum is invalid.");
            }
            placed = placed with { ProvNum = provNum };
        }
        if (Field(json, "AptDateTime") is { } atText)
        {
            if (!DateTime.TryParseExact(atText, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return Problem("AptDateTime is not in a valid format.");
            }
            placed = placed with { AptDateTime = at };
        }
        if (Field(json, "Pattern") is { } pattern)
        {
            if (pattern.Length == 0 || pattern.Any(c => c is not ('X' or '/')))
            {
                return Problem("Pattern is invalid.");
            }
            placed = placed with { Pattern = pattern };
        }
        return Overlaps(placed) ? Problem(OverlapText) : placed;
    }

    private DoubleAppointment? Problem(string text)
    {
        placeProblem = text;
        return null;
    }

    private bool Overlaps(DoubleAppointment wanted) =>
        wanted.AptDateTime is { } start && appointments.Values.Any(other => other.AptNum != wanted.AptNum && other.Op == wanted.Op
            && other.AptStatus is "Scheduled" or "Complete" && other.AptDateTime is { } otherStart
            && otherStart < start.AddMinutes(wanted.Pattern.Length * 5) && start < otherStart.AddMinutes(other.Pattern.Length * 5));

    private (int Status, IResult Result) OneAppointment(long aptNum) =>
        appointments.TryGetValue(aptNum, out var appointment)
            ? (200, Results.Json(appointment.ToJson(), options: null, contentType: null, statusCode: 200))
            : (404, Results.Text("Appointment not found.", statusCode: 404));

    private (int Status, IResult Result) Slots(Dictionary<string, string> query)
    {
        if (!TryDays(query, out var days) || !TryNumber(query, "ProvNum", out var provNum) || !TryNumber(query, "OpNum", out var opNum)
            || !TryNumber(query, "lengthMinutes", out var length))
        {
            return BadRequest("A parameter is not in a valid format.");
        }
        var (first, last) = days ?? (DateOnly.FromDateTime(OfficeNow), DateOnly.FromDateTime(OfficeNow));
        var minutes = (int)(length ?? 30);
        var slots = new List<Dictionary<string, object?>>();
        foreach (var schedule in ListOf(Schedules).Values.Where(s => Field(s, "SchedType") == "Provider"))
        {
            var date = DateOnly.ParseExact(Field(schedule, "SchedDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var prov = long.Parse(Field(schedule, "ProvNum"), CultureInfo.InvariantCulture);
            if (date < first || date > last || (provNum is not null && prov != provNum))
            {
                continue;
            }
            var ops = Field(schedule, "operatories").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => long.Parse(o, CultureInfo.InvariantCulture));
            var stop = date.ToDateTime(TimeOnly.ParseExact(Field(schedule, "StopTime"), "HH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var op in ops.Where(o => opNum is null || o == opNum))
            {
                for (var start = date.ToDateTime(TimeOnly.ParseExact(Field(schedule, "StartTime"), "HH:mm:ss", CultureInfo.InvariantCulture));
                     start.AddMinutes(minutes) <= stop; start = start.AddMinutes(minutes))
                {
                    if (!Overlaps(new DoubleAppointment(0, 0, "Scheduled", start, new string('X', minutes / 5), Op: op)))
                    {
                        slots.Add(new()
                        {
                            ["DateTimeStart"] = start.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
                            ["DateTimeEnd"] = start.AddMinutes(minutes).ToString(DateTimeFormat, CultureInfo.InvariantCulture),
                            ["ProvNum"] = prov,
                            ["OpNum"] = op,
                        });
                    }
                }
            }
        }
        return (200, Results.Json(Page(slots, query).ToList(), options: null, contentType: null, statusCode: 200));
    }

    private static JsonElement? Json(string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return json.ValueKind == JsonValueKind.Object ? json : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
