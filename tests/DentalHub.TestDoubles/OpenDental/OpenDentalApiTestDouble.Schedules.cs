using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// <c>GET /schedules</c> as documented on opendental.com/site/apischedules.html: no change filter; <c>date</c> for
/// one day (today, the office's date, by default), or <c>dateStart</c> and <c>dateEnd</c> for a range inclusive of
/// both; <c>SchedType</c> by name, <c>ProvNum</c>, <c>BlockoutDefNum</c> and <c>EmployeeNum</c>; results sorted by
/// StartTime, paged with Limit/Offset. Items are put with <see cref="Put"/> into the "schedules" list with their
/// documented fields (SchedDate, StartTime, SchedType, ...); each answers with its DateTStamp. Also the documented
/// filters of the plain lists: <c>GET /operatories?ClinicNum=</c>, and <c>GET /clinics</c> lists only clinics that
/// are not hidden.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    public const string Schedules = "schedules";

    private static readonly string[] ScheduleTypes = ["Practice", "Provider", "Blockout", "Employee", "WebSchedASAP"];

    private void MapSchedules() => app.MapGet($"/api/v1/{Schedules}", async context =>
    {
        var query = QueryOf(context);
        IResult result;
        lock (gate)
        {
            int status;
            (status, result) = AnswerSchedules(context, query);
            Record(context, query, status);
        }
        await result.ExecuteAsync(context);
    });

    private (int Status, IResult Result) AnswerSchedules(HttpContext context, Dictionary<string, string> query)
    {
        lastAnswerWasInjectedFailure = false;
        if (!Authorized(context))
        {
            return (401, Results.Text("Invalid authorization.", statusCode: 401));
        }
        if (InjectedFailure(context) is { } failure)
        {
            return failure;
        }
        var today = DateOnly.FromDateTime(OfficeNow);
        DateOnly? from = today, to = today;
        foreach (var name in new[] { "date", "dateStart", "dateEnd" })
        {
            if (query.TryGetValue(name, out var text)
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return (400, Results.Text($"{name} is not in a valid format.", statusCode: 400));
            }
        }
        if (query.TryGetValue("date", out var day))
        {
            from = to = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (query.ContainsKey("dateStart") || query.ContainsKey("dateEnd"))
        {
            from = query.TryGetValue("dateStart", out var start) ? DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            to = query.TryGetValue("dateEnd", out var end) ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        }
        if (query.TryGetValue("SchedType", out var type) && !ScheduleTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return (400, Results.Text("SchedType is invalid.", statusCode: 400));
        }
        var limit = Math.Min(Number(query, "Limit", MaxLimit), MaxLimit);
        var offset = Number(query, "Offset", 0);
        var page = ListOf(Schedules).Values
            .Where(i => DateOnly.ParseExact(Field(i, "SchedDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture) is var date
                && (from is null || date >= from) && (to is null || date <= to))
            .Where(i => type is null || string.Equals(Field(i, "SchedType"), type, StringComparison.OrdinalIgnoreCase))
            .Where(i => Matches(i, query, "ProvNum") && Matches(i, query, "EmployeeNum") && Matches(i, query, "BlockoutDefNum", "BlockoutType"))
            .OrderBy(i => TimeOnly.ParseExact(Field(i, "StartTime"), "HH:mm:ss", CultureInfo.InvariantCulture))
            .Skip(offset)
            .Take(limit)
            .Select(i => i.ToJson("DateTStamp", serverDateTime: null))
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    /// <summary>The documented filters of the plain lists (callers hold the gate).</summary>
    private static bool Listed(string list, DoubleItem item, Dictionary<string, string> query) => list switch
    {
        "operatories" => Matches(item, query, "ClinicNum"),
        "clinics" => !string.Equals(Field(item, "IsHidden"), "true", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    private static bool Matches(DoubleItem item, Dictionary<string, string> query, string parameter, string? field = null) =>
        !query.TryGetValue(parameter, out var wanted) || Field(item, field ?? parameter) == wanted;

    private static string Field(DoubleItem item, string name) =>
        Convert.ToString(item.Fields.GetValueOrDefault(name), CultureInfo.InvariantCulture) ?? "";
}
