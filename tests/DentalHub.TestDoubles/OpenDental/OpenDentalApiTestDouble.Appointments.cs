using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Appointments and their history, as documented:
/// <list type="bullet">
/// <item>https://opendental.com/site/apiappointments.html: <c>GET /appointments</c> with the optional filters PatNum,
/// AptStatus (by name; 22.4.28+), Op, ClinicNum (0: no clinic), date or dateStart/dateEnd (the appointment's day,
/// inclusive) and DateTStamp ("altered after"), Limit/Offset, unsorted, serverDateTime in every item.</item>
/// <item>https://opendental.com/site/apihistappointments.html (23.1.30+): <c>GET /histappointments</c>, a copy of
/// the appointment for every creation, change and deletion, filtered by HistApptAction, AptNum, PatNum, AptStatus,
/// ClinicNum and date or dateStart/dateEnd. As Open Dental's HistAppointments.GetHistAppointmentsForApi does,
/// the dates filter the appointment's AptDateTime and results come in HistApptNum order.</item>
/// </list>
/// A deleted appointment leaves /appointments and gains a "Deleted" history entry, as in Open Dental.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    private static readonly string[] HistActions = ["Created", "Changed", "Missed", "Cancelled", "Deleted"];

    private readonly Dictionary<long, DoubleAppointment> appointments = [];
    private readonly List<(long HistApptNum, DateTime Written, string Action, DoubleAppointment Copy)> history = [];

    /// <summary>False for an Open Dental before 23.1.30, which has no /histappointments (it answers 404).</summary>
    public bool HasAppointmentHistory { get; set; } = true;

    /// <summary>Adds or edits appointments the way Open Dental does: DateTStamp becomes the office's now, and a history entry is written.</summary>
    public void PutAppointments(params DoubleAppointment[] added)
    {
        lock (gate)
        {
            foreach (var appointment in added)
            {
                if (!DoubleAppointment.Statuses.Contains(appointment.AptStatus))
                {
                    throw new ArgumentException($"Open Dental has no appointment status \"{appointment.AptStatus}\".", nameof(added));
                }
                var stamped = appointment with { DateTStamp = OfficeNow };
                var action = appointments.ContainsKey(appointment.AptNum) ? "Changed" : "Created";
                appointments[appointment.AptNum] = stamped;
                history.Add((history.Count + 1, OfficeNow, action, stamped));
            }
        }
    }

    /// <summary>Deletes an appointment as Open Dental does: it leaves the table and a "Deleted" history entry is written.</summary>
    public void DeleteAppointment(long aptNum)
    {
        lock (gate)
        {
            if (appointments.Remove(aptNum, out var deleted))
            {
                history.Add((history.Count + 1, OfficeNow, "Deleted", deleted));
            }
        }
    }

    private void MapAppointments()
    {
        app.MapGet("/api/v1/appointments", context => AnswerAsync(context, Appointments));
        app.MapGet("/api/v1/histappointments", context => AnswerAsync(context, HistAppointments));
    }

    private async Task AnswerAsync(HttpContext context, Func<Dictionary<string, string>, (int Status, IResult Result)> answer)
    {
        var query = QueryOf(context);
        IResult result;
        lock (gate)
        {
            lastAnswerWasInjectedFailure = false;
            int status;
            (status, result) = !Authorized(context) ? (401, Results.Text("Invalid authorization.", statusCode: 401))
                : InjectedFailure(context) is { } failure ? failure
                : answer(query);
            Record(context, query, status);
        }
        await result.ExecuteAsync(context);
    }

    private (int Status, IResult Result) Appointments(Dictionary<string, string> query)
    {
        if (!TryDateTime(query, "DateTStamp", out var since) || !TryDays(query, out var days)
            || !TryNumber(query, "PatNum", out var patNum) || !TryNumber(query, "Op", out var op) || !TryNumber(query, "ClinicNum", out var clinicNum))
        {
            return BadRequest("A parameter is not in a valid format.");
        }
        query.TryGetValue("AptStatus", out var status);
        if (status is not null && !DoubleAppointment.Statuses.Contains(status))
        {
            return BadRequest("AptStatus is invalid.");
        }
        var serverDateTime = OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var page = appointments.Values
            .Where(a => since is null || a.DateTStamp > since)
            .Where(a => (patNum is null || a.PatNum == patNum) && (op is null || a.Op == op) && (clinicNum is null || a.ClinicNum == clinicNum))
            .Where(a => (status is null || a.AptStatus == status) && OnDays(a, days))
            .OrderBy(a => (a.AptNum * 2_654_435_761L) % 1_000_003)
            .Skip(Number(query, "Offset", 0))
            .Take(Math.Min(Number(query, "Limit", MaxLimit), MaxLimit))
            .Select(a => new Dictionary<string, object?>(a.ToJson()) { ["serverDateTime"] = serverDateTime })
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private (int Status, IResult Result) HistAppointments(Dictionary<string, string> query)
    {
        if (!HasAppointmentHistory)
        {
            return (404, Results.Text("Not found.", statusCode: 404));
        }
        if (!TryDays(query, out var days) || !TryNumber(query, "AptNum", out var aptNum) || !TryNumber(query, "PatNum", out var patNum)
            || !TryNumber(query, "ClinicNum", out var clinicNum))
        {
            return BadRequest("A parameter is not in a valid format.");
        }
        query.TryGetValue("HistApptAction", out var action);
        query.TryGetValue("AptStatus", out var status);
        if ((action is not null && !HistActions.Contains(action)) || (status is not null && !DoubleAppointment.Statuses.Contains(status)))
        {
            return BadRequest("HistApptAction or AptStatus is invalid.");
        }
        var page = history
            .Where(h => (action is null || h.Action == action) && (aptNum is null || h.Copy.AptNum == aptNum) && (patNum is null || h.Copy.PatNum == patNum))
            .Where(h => (clinicNum is null || h.Copy.ClinicNum == clinicNum) && (status is null || h.Copy.AptStatus == status) && OnDays(h.Copy, days))
            .OrderBy(h => h.HistApptNum)
            .Skip(Number(query, "Offset", 0))
            .Take(Math.Min(Number(query, "Limit", MaxLimit), MaxLimit))
            .Select(h => new Dictionary<string, object?>(h.Copy.ToJson())
            {
                ["HistApptNum"] = h.HistApptNum,
                ["HistUserNum"] = 1,
                ["HistDateTStamp"] = h.Written.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
                ["HistApptAction"] = h.Action,
                ["ApptSource"] = "None",
            })
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private static (int Status, IResult Result) BadRequest(string explanation) => (400, Results.Text(explanation, statusCode: 400));

    private static bool OnDays(DoubleAppointment appointment, (DateOnly First, DateOnly Last)? days) =>
        days is not { } range || (appointment.AptDateTime is { } start && DateOnly.FromDateTime(start) >= range.First && DateOnly.FromDateTime(start) <= range.Last);

    private static bool TryDateTime(Dictionary<string, string> query, string name, out DateTime? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }
        if (!DateTime.TryParseExact(text, [DateTimeFormat, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        value = parsed;
        return true;
    }

    // date, or dateStart with dateEnd: days in "yyyy-MM-dd", both ends included.
    private static bool TryDays(Dictionary<string, string> query, out (DateOnly First, DateOnly Last)? days)
    {
        days = null;
        static bool Day(string? text, out DateOnly day) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        if (query.TryGetValue("date", out var single))
        {
            if (!Day(single, out var day))
            {
                return false;
            }
            days = (day, day);
            return true;
        }
        var hasStart = query.TryGetValue("dateStart", out var startText);
        var hasEnd = query.TryGetValue("dateEnd", out var endText);
        if (!hasStart && !hasEnd)
        {
            return true;
        }
        if (!Day(startText, out var first) || !Day(endText, out var last))
        {
            return false;
        }
        days = (first, last);
        return true;
    }

    private static bool TryNumber(Dictionary<string, string> query, string name, out long? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        value = parsed;
        return true;
    }
}
