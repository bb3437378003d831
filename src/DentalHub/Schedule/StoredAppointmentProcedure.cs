using System.Text.Json;

namespace DentalHub.Schedule;

/// <summary>A procedure as <see cref="Appointment.ProceduresJson"/> holds it; the estimates null when not known.</summary>
public sealed record StoredAppointmentProcedure(
    string PmsId, string? Code, string? Description, decimal Fee, decimal? InsuranceEstimate, decimal? WriteOffEstimate, decimal? PatientPortion)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<StoredAppointmentProcedure> procedures) => JsonSerializer.Serialize(procedures, Json);

    public static List<StoredAppointmentProcedure>? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<StoredAppointmentProcedure>>(json, Json)!;
}
