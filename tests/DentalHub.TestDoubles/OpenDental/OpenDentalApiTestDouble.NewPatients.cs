using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Adding patients and marking them, as opendental.com documents it: <c>POST /patients</c> (apipatients.html: LName and
/// FName required; Birthdate "yyyy-MM-dd", Gender by name, PriProv and ClinicNum optional; 201 with the patient), the
/// patient field definitions (apipatfielddefs.html: <c>GET</c>; <c>POST</c> with FieldName, unique, and FieldType required)
/// and patient fields (apipatfields.html: <c>GET</c> by PatNum and FieldName, case sensitive; <c>POST</c> with PatNum,
/// FieldName and FieldValue required, not for a hidden definition). <c>GET /patients/Simple</c> takes LName, FName and
/// Birthdate too. A patient added here is read like any other, so a later sync sees it.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    private static readonly string[] FieldTypes = ["Text", "PickList", "Date", "Checkbox", "Currency", "CareCreditStatus", "CareCreditPreApprovalAmt", "CareCreditAvailableCredit"];
    private static readonly string[] Genders = ["Male", "Female", "Unknown", "Other"];

    private readonly List<DoublePatFieldDef> patFieldDefs = [];
    private readonly List<DoublePatField> patFields = [];
    private long nextPatNum = 5000;
    private long nextPatFieldNum = 300;

    /// <summary>POST /patients: its bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint PatientWrites { get; }

    /// <summary>POST /patfields and POST /patfielddefs: their bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint PatFieldWrites { get; }

    public IReadOnlyList<DoublePatient> Patients
    {
        get { lock (gate) { return patients.Values.OrderBy(p => p.PatNum).ToList(); } }
    }

    public IReadOnlyList<DoublePatField> PatFields
    {
        get { lock (gate) { return patFields.ToList(); } }
    }

    public IReadOnlyList<DoublePatFieldDef> PatFieldDefs
    {
        get { lock (gate) { return patFieldDefs.ToList(); } }
    }

    /// <summary>A patient added in Open Dental by staff today (or by another program): stamped now, entered today.</summary>
    public DoublePatient AddPatientToday(string firstName, string lastName, string birthdate)
    {
        lock (gate)
        {
            return KeepPatient(firstName, lastName, birthdate, "Unknown", "", "", 1, 0);
        }
    }

    /// <summary>A patient field definition the office made (or hid) itself.</summary>
    public void AddPatFieldDef(string fieldName, bool hidden = false)
    {
        lock (gate)
        {
            patFieldDefs.Add(new DoublePatFieldDef(patFieldDefs.Count + 1, fieldName, "Text", hidden));
        }
    }

    /// <summary>The office hides or shows a patient field definition (Setup › Patient Field Defs).</summary>
    public void SetPatFieldDefHidden(string fieldName, bool hidden)
    {
        lock (gate)
        {
            var index = patFieldDefs.FindIndex(d => d.FieldName == fieldName);
            patFieldDefs[index] = patFieldDefs[index] with { IsHidden = hidden };
        }
    }

    private void MapNewPatients()
    {
        app.MapPost("/api/v1/patients", context => PostAsync(context, PatientWrites, CreatePatient));
        app.MapGet("/api/v1/patfielddefs", GetPatFieldDefs);
        app.MapPost("/api/v1/patfielddefs", context => PostAsync(context, PatFieldWrites, CreatePatFieldDef));
        app.MapGet("/api/v1/patfields", GetPatFields);
        app.MapPost("/api/v1/patfields", context => PostAsync(context, PatFieldWrites, CreatePatField));
    }

    // Callers hold the gate.
    private (int Status, object Answer) CreatePatient(string body)
    {
        if (ReadObject(body) is not { } json)
        {
            return (400, "Invalid JSON.");
        }
        if (string.IsNullOrWhiteSpace(Field(json, "LName")))
        {
            return (400, "LName is required.");
        }
        if (string.IsNullOrWhiteSpace(Field(json, "FName")))
        {
            return (400, "FName is required.");
        }
        var birthdate = Field(json, "Birthdate") ?? "0001-01-01";
        if (!DateOnly.TryParseExact(birthdate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (400, "Birthdate is not in a valid format.");
        }
        var gender = Field(json, "Gender") ?? "Unknown";
        if (!Genders.Contains(gender))
        {
            return (400, "Gender is invalid.");
        }
        long provNum = 1;
        if (Field(json, "PriProv") is { } provText && (!long.TryParse(provText, CultureInfo.InvariantCulture, out provNum) || provNum <= 0))
        {
            return (400, "PriProv is invalid.");
        }
        long clinicNum = 0;
        if (Field(json, "ClinicNum") is { } clinicText && (!long.TryParse(clinicText, CultureInfo.InvariantCulture, out clinicNum) || clinicNum < 0))
        {
            return (400, "ClinicNum is invalid.");
        }
        var patient = KeepPatient(Field(json, "FName")!, Field(json, "LName")!, birthdate, gender, Field(json, "Email") ?? "",
            Field(json, "WirelessPhone") ?? "", provNum, clinicNum);
        return (201, patient.ToJson(OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture)));
    }

    // Callers hold the gate.
    private DoublePatient KeepPatient(string firstName, string lastName, string birthdate, string gender, string email, string phone, long provNum, long clinicNum)
    {
        var patNum = Math.Max(++nextPatNum, patients.Keys.DefaultIfEmpty().Max() + 1);
        nextPatNum = patNum;
        var patient = new DoublePatient(patNum, firstName, lastName, OfficeNow, birthdate, Guarantor: patNum, Gender: gender, Email: email,
            WirelessPhone: phone, ClinicNum: clinicNum, PriProv: provNum, SecDateEntry: OfficeNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        patients[patNum] = patient;
        return patient;
    }

    // Callers hold the gate.
    private (int Status, object Answer) CreatePatFieldDef(string body)
    {
        if (ReadObject(body) is not { } json)
        {
            return (400, "Invalid JSON.");
        }
        if (Field(json, "FieldName") is not { Length: > 0 } name)
        {
            return (400, "FieldName is required.");
        }
        if (patFieldDefs.Any(d => d.FieldName == name))
        {
            return (400, "FieldName must be unique.");
        }
        if (Field(json, "FieldType") is not { } type)
        {
            return (400, "FieldType is required.");
        }
        if (!FieldTypes.Contains(type))
        {
            return (400, "FieldType is invalid.");
        }
        if ((type == "PickList") != (Field(json, "PickList") is not null))
        {
            return (400, type == "PickList" ? "PickList is required for a PickList FieldType." : "PickList is not allowed for this FieldType.");
        }
        var definition = new DoublePatFieldDef(patFieldDefs.Count + 1, name, type, Field(json, "IsHidden") == "true");
        patFieldDefs.Add(definition);
        return (201, definition.ToJson());
    }

    // Callers hold the gate.
    private (int Status, object Answer) CreatePatField(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "FieldName") is not { Length: > 0 } name)
        {
            return (400, "FieldName is required.");
        }
        if (Field(json, "FieldValue") is not { } value)
        {
            return (400, "FieldValue is required.");
        }
        if (patFieldDefs.FirstOrDefault(d => d.FieldName == name) is not { } definition)
        {
            return (400, "FieldName is invalid.");
        }
        if (definition.IsHidden)
        {
            return (400, "Cannot create PatFields associated with hidden PatFieldDefs.");
        }
        var now = OfficeNow;
        var field = new DoublePatField(++nextPatFieldNum, patient.PatNum, name, value, now);
        patFields.Add(field);
        return (201, field.ToJson());
    }

    private IResult GetPatFieldDefs(HttpContext context) => Get(context, _ =>
        (200, Results.Json(patFieldDefs.Select(d => d.ToJson()).ToList(), options: null, contentType: null, statusCode: 200)));

    private IResult GetPatFields(HttpContext context) => Get(context, AnswerPatFields);

    private (int Status, IResult Result) AnswerPatFields(Dictionary<string, string> query)
    {
        if (PatientFilter(query, out var patNum) is { } refused)
        {
            return refused;
        }
        // FieldName is case sensitive; query keys are not.
        var name = query.GetValueOrDefault("FieldName");
        var found = patFields.Where(f => (patNum is null || f.PatNum == patNum) && (name is null || f.FieldName == name)).OrderBy(f => f.PatFieldNum);
        return (200, Results.Json(Page(found, query).Select(f => f.ToJson()).ToList(), options: null, contentType: null, statusCode: 200));
    }

    /// <summary>The name and birthdate filters of <c>GET /patients/Simple</c>: names from their start, any case.</summary>
    private static bool Matches(Dictionary<string, string> query, DoublePatient patient) =>
        (!query.TryGetValue("LName", out var last) || patient.LName.StartsWith(last, StringComparison.OrdinalIgnoreCase))
        && (!query.TryGetValue("FName", out var first) || patient.FName.StartsWith(first, StringComparison.OrdinalIgnoreCase))
        && (!query.TryGetValue("Birthdate", out var born) || patient.Birthdate == born);

    private static JsonElement? ReadObject(string body)
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

/// <summary>A patient field definition as <see cref="OpenDentalApiTestDouble"/> holds it.</summary>
public sealed record DoublePatFieldDef(long PatFieldDefNum, string FieldName, string FieldType, bool IsHidden)
{
    public Dictionary<string, object> ToJson() => new()
    {
        ["PatFieldDefNum"] = PatFieldDefNum, ["FieldName"] = FieldName, ["FieldType"] = FieldType, ["PickList"] = "",
        ["IsHidden"] = IsHidden ? "true" : "false",
    };
}

/// <summary>A patient field as <see cref="OpenDentalApiTestDouble"/> holds it.</summary>
public sealed record DoublePatField(long PatFieldNum, long PatNum, string FieldName, string FieldValue, DateTime SecDateTEdit)
{
    public Dictionary<string, object> ToJson() => new()
    {
        ["PatFieldNum"] = PatFieldNum, ["PatNum"] = PatNum, ["FieldName"] = FieldName, ["FieldValue"] = FieldValue,
        ["SecDateTEdit"] = SecDateTEdit.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["SecDateEntry"] = SecDateTEdit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
