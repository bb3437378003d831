using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Appointments;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Patients;

/// <summary>
/// The bodies of adding a patient (opendental.com/site/apipatients.html <c>POST /patients</c>: LName and FName required;
/// Birthdate "yyyy-MM-dd", Gender by name, Email, WirelessPhone, PriProv and ClinicNum optional, the practice's defaults
/// otherwise) and marking them (apipatfields.html <c>POST /patfields</c>: PatNum, FieldName and FieldValue required; the
/// field's definition, apipatfielddefs.html <c>POST /patfielddefs</c>: FieldName unique, FieldType "Text").
/// </summary>
internal static class NewPatientWire
{
    /// <summary>The patient field that carries our reference, created once in an office that lacks it.</summary>
    public const string FieldName = "DentalHub reference";

    public static (string? Body, string? Problem) Patient(PmsNewPatientWrite write)
    {
        if (!ReferenceNote.IsUsable(write.Reference))
        {
            return (null, NewPatientMessages.BadReference);
        }
        if (string.IsNullOrWhiteSpace(write.FirstName) || string.IsNullOrWhiteSpace(write.LastName))
        {
            return (null, NewPatientMessages.NoName);
        }
        long? provNum = null;
        if (write.ProviderPmsId is not null)
        {
            if (!AppointmentWire.Number(write.ProviderPmsId, out var number))
            {
                return (null, NewPatientMessages.BadProvider);
            }
            provNum = number;
        }
        long? clinicNum = null;
        if (write.ClinicPmsId is not null)
        {
            if (!AppointmentWire.Number(write.ClinicPmsId, out var number))
            {
                return (null, NewPatientMessages.BadClinic);
            }
            clinicNum = number;
        }
        var body = new Dictionary<string, object?>
        {
            ["LName"] = write.LastName.Trim(),
            ["FName"] = write.FirstName.Trim(),
            ["Birthdate"] = Date(write.BirthDate),
            ["Gender"] = write.Gender.ToString(),
            ["Email"] = Blank(write.Email),
            ["WirelessPhone"] = Blank(write.Phone),
            ["PriProv"] = provNum,
            ["ClinicNum"] = clinicNum,
        };
        return (JsonSerializer.Serialize(body.Where(f => f.Value is not null).ToDictionary()), null);
    }

    public static string Mark(long patNum, string reference) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["PatNum"] = patNum, ["FieldName"] = FieldName, ["FieldValue"] = reference });

    public static string Definition() =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["FieldName"] = FieldName, ["FieldType"] = "Text" });

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One item of <c>GET /patfielddefs</c>.</summary>
internal sealed record ApiPatFieldDef(long PatFieldDefNum, string? FieldName, string? FieldType, string? IsHidden);

/// <summary>One item of <c>GET /patfields</c>.</summary>
internal sealed record ApiPatField(long PatFieldNum, long PatNum, string? FieldName, string? FieldValue);

/// <summary>What a search for a patient added by a lost write reads of each item of <c>GET /patients/Simple</c>.</summary>
internal sealed record ApiPatientAdded(long PatNum, string? LName, string? FName, string? Birthdate, string? SecDateEntry);
