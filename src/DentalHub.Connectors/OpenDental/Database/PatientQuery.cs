using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>The SELECTs database mode runs against Open Dental's <c>patient</c> table, and how a row is read.</summary>
internal static class PatientQuery
{
    /// <summary>
    /// Rows changed less than this long ago are left for the next read. DateTStamp has one-second
    /// resolution and is set when a statement runs, not when it commits, so the current second (and a
    /// statement still committing from the one before) can still gain rows with a lower PatNum than
    /// the last one we handed out, which a strict (DateTStamp, PatNum) cursor would then skip for good.
    /// Holding back only the newest seconds avoids that without re-reading an overlap window, so a
    /// read from the last cursor returns nothing when nothing changed and there are no duplicates.
    /// The cutoff uses the database server's clock, the same clock that writes DateTStamp.
    /// </summary>
    public const int SettleSeconds = 2;

    private const string Columns =
        "PatNum, Guarantor, FName, LName, MiddleI, Preferred, Birthdate, Gender, PatStatus, Email, " +
        "HmPhone, WirelessPhone, WkPhone, Address, Address2, City, State, Zip, ClinicNum, PriProv, DateTStamp";

    private const string Settled = "DateTStamp < NOW() - INTERVAL @settle SECOND";

    public const string FirstPage =
        $"SELECT {Columns} FROM patient WHERE {Settled} ORDER BY DateTStamp, PatNum LIMIT @limit";

    // The keyset (DateTStamp, PatNum) > (@ts, @num) written out, because MySQL and MariaDB do not
    // turn a row-constructor comparison into an index range; "DateTStamp >= @ts" can be one.
    public const string NextPage =
        $"SELECT {Columns} FROM patient " +
        $"WHERE DateTStamp >= @ts AND (DateTStamp > @ts OR PatNum > @num) AND {Settled} " +
        "ORDER BY DateTStamp, PatNum LIMIT @limit";

    public const string Count = "SELECT COUNT(*) FROM patient";

    public static MySqlCommand PageCommand(MySqlConnection connection, DatabaseCursor? after, int limit)
    {
        var command = new MySqlCommand(after is null ? FirstPage : NextPage, connection);
        command.Parameters.AddWithValue("@settle", SettleSeconds);
        command.Parameters.AddWithValue("@limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("@ts", after.SqlTimestamp);
            command.Parameters.AddWithValue("@num", after.PatNum);
        }
        return command;
    }

    public static (PmsPatient Patient, DatabaseCursor Position) Read(MySqlDataReader reader)
    {
        var stamp = reader.GetDateTime(20);
        var row = new OpenDentalPatientRow(
            PatNum: reader.GetInt64(0),
            Guarantor: reader.GetInt64(1),
            FName: Text(reader, 2),
            LName: Text(reader, 3),
            MiddleI: Text(reader, 4),
            Preferred: Text(reader, 5),
            Birthdate: reader.IsDBNull(6) ? null : DateOnly.FromDateTime(reader.GetDateTime(6)),
            Gender: PatientMapping.Gender(reader.GetInt32(7)),
            Status: PatientMapping.Status(reader.GetInt32(8)),
            Email: Text(reader, 9),
            HmPhone: Text(reader, 10),
            WirelessPhone: Text(reader, 11),
            WkPhone: Text(reader, 12),
            Address: Text(reader, 13),
            Address2: Text(reader, 14),
            City: Text(reader, 15),
            State: Text(reader, 16),
            Zip: Text(reader, 17),
            ClinicNum: reader.GetInt64(18),
            PriProv: reader.GetInt64(19),
            ChangedAt: stamp == DateTime.MinValue ? null : new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)));
        return (row.ToPmsPatient(), new DatabaseCursor(stamp, row.PatNum));
    }

    private static string? Text(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
