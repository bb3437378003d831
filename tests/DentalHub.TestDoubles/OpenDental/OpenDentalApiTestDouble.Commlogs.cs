using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Commlogs, as https://opendental.com/site/apicommlogs.html describes them: <c>POST /commlogs</c> (PatNum and
/// Note required; CommDateTime "yyyy-mm-dd HH:mm:ss", default now; CommType a DefNum of category 27 or commType
/// its name, which wins, default Miscellaneous; Mode_ one of its eight names, default "Phone"; SentOrReceived
/// "Neither", "Sent" or "Received", default "Sent"; 201 with the commlog) and <c>GET /commlogs</c> (PatNum,
/// optional since 25.1.13, and DateTStamp "modified after").
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    private readonly List<DoubleCommlog> commlogs = [];
    private long nextCommlogNum = 700;

    /// <summary>Answer POST /commlogs as versions before 23.3.7 did: 201 without the commlog in the body.</summary>
    public bool CommlogAnswersWithoutTheCommlog { get; set; }

    /// <summary>POST /commlogs: its bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint CommlogWrites { get; }

    public IReadOnlyList<DoubleCommlog> Commlogs
    {
        get { lock (gate) { return commlogs.ToList(); } }
    }

    /// <summary>A commlog entered in Open Dental by staff (or by another program).</summary>
    public DoubleCommlog AddCommlog(long patNum, string note, string mode = "Phone")
    {
        lock (gate)
        {
            return KeepCommlog(patNum, OfficeNow, DoubleDefinition.MiscCommLogType, note, mode, "Sent");
        }
    }

    private void MapCommlogs()
    {
        app.MapPost("/api/v1/commlogs", context => PostAsync(context, CommlogWrites, CreateCommlog));
        app.MapGet("/api/v1/commlogs", GetCommlogs);
    }

    // Callers hold the gate.
    private (int Status, object Answer) CreateCommlog(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "Note") is not { } note)
        {
            return (400, "Note is required.");
        }
        var at = OfficeNow;
        if (Field(json, "CommDateTime") is { } atText
            && !DateTime.TryParseExact(atText, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return (400, "CommDateTime is not in a valid format.");
        }
        var commType = DoubleDefinition.MiscCommLogType;
        if (Field(json, "commType") is { } typeName)
        {
            if (definitions.FirstOrDefault(d => d.Category == DoubleDefinition.CommLogTypes && d.ItemName == typeName) is not { } named)
            {
                return (400, "commType is invalid.");
            }
            commType = named.DefNum;
        }
        else if (Field(json, "CommType") is { } typeText)
        {
            if (!long.TryParse(typeText, CultureInfo.InvariantCulture, out commType)
                || !definitions.Any(d => d.DefNum == commType && d.Category == DoubleDefinition.CommLogTypes))
            {
                return (400, "CommType is invalid.");
            }
        }
        var mode = Field(json, "Mode_") ?? "Phone";
        if (!DoubleCommlog.Modes.Contains(mode))
        {
            return (400, "Mode_ is invalid.");
        }
        var direction = Field(json, "SentOrReceived") ?? "Sent";
        if (!DoubleCommlog.Directions.Contains(direction))
        {
            return (400, "SentOrReceived is invalid.");
        }
        var commlog = KeepCommlog(patient.PatNum, at, commType, note, mode, direction);
        return CommlogAnswersWithoutTheCommlog ? (201, "") : (201, commlog.ToJson(TypeName(commlog.CommType)));
    }

    // Callers hold the gate.
    private DoubleCommlog KeepCommlog(long patNum, DateTime at, long commType, string note, string mode, string direction)
    {
        var now = OfficeNow;
        var commlog = new DoubleCommlog(++nextCommlogNum, patNum, at, commType, note, mode, direction, now, now);
        commlogs.Add(commlog);
        return commlog;
    }

    private IResult GetCommlogs(HttpContext context) => Get(context, AnswerCommlogs);

    private (int Status, IResult Result) AnswerCommlogs(Dictionary<string, string> query)
    {
        if (PatientFilter(query, out var patNum) is { } refused)
        {
            return refused;
        }
        var found = commlogs.Where(c => patNum is null || c.PatNum == patNum);
        if (query.TryGetValue("DateTStamp", out var stampText))
        {
            if (!DateTime.TryParseExact(stampText, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
            {
                return (400, Results.Text("DateTStamp is not in a valid format.", statusCode: 400));
            }
            found = found.Where(c => c.DateTStamp > since);
        }
        var page = Page(found.OrderBy(c => c.CommlogNum), query).Select(c => c.ToJson(TypeName(c.CommType))).ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }
}
