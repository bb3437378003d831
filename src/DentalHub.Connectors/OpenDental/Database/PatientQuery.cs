using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>How database mode reads Open Dental's <c>patient</c> table.</summary>
internal static class PatientQuery
{
    public static ChangeQuery<PmsPatient> Query { get; } = new(
        From: "patient",
        Key: "PatNum",
        Stamp: "DateTStamp",
        Columns: "Guarantor, FName, LName, MiddleI, Preferred, Birthdate, Gender, PatStatus, Email, " +
                 "HmPhone, WirelessPhone, WkPhone, Address, Address2, City, State, Zip, ClinicNum, PriProv",
        Read: Read);

    private static PmsPatient Read(MySqlDataReader reader)
    {
        var stamp = reader.GetDateTime(0);
        var row = new OpenDentalPatientRow(
            PatNum: reader.GetInt64(1),
            Guarantor: reader.GetInt64(2),
            FName: Text(reader, 3),
            LName: Text(reader, 4),
            MiddleI: Text(reader, 5),
            Preferred: Text(reader, 6),
            Birthdate: reader.IsDBNull(7) ? null : DateOnly.FromDateTime(reader.GetDateTime(7)),
            Gender: PatientMapping.Gender(reader.GetInt32(8)),
            Status: PatientMapping.Status(reader.GetInt32(9)),
            Email: Text(reader, 10),
            HmPhone: Text(reader, 11),
            WirelessPhone: Text(reader, 12),
            WkPhone: Text(reader, 13),
            Address: Text(reader, 14),
            Address2: Text(reader, 15),
            City: Text(reader, 16),
            State: Text(reader, 17),
            Zip: Text(reader, 18),
            ClinicNum: reader.GetInt64(19),
            PriProv: reader.GetInt64(20),
            ChangedAt: stamp == DateTime.MinValue ? null : new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)));
        return row.ToPmsPatient();
    }

    private static string? Text(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
