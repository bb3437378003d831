using System.Diagnostics;
using DentalHub.Bench.Hub;
using DentalHub.Sync;
using Npgsql;
using NpgsqlTypes;

namespace DentalHub.Bench.Raw;

/// <summary>
/// PostgreSQL's raw limit for the sync's tables (reference note §3.2/§3.3): in one transaction,
/// binary COPY (NpgsqlBinaryImporter) into temp tables shaped like the real ones, then
/// <c>INSERT … SELECT … ON CONFLICT DO UPDATE</c> into the real tables, with the engine's own column
/// lists and conflict clauses.
/// </summary>
public sealed class PostgresRawBaseline(RawRows rows) : IRawBaseline
{
    private static readonly NpgsqlDbType[] PatientTypes =
    [
        NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date,
        NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
    ];

    private static readonly NpgsqlDbType[] LinkTypes =
    [
        NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Bigint, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
    ];

    private static readonly NpgsqlDbType[] PhoneTypes =
        [NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text];

    private readonly object?[][] phones = [.. rows.Phones.Select(p => new object?[] { p.PatientId, (int)p.Kind, p.ContactId, rows.PracticeId, p.Digits, p.ReversedDigits })];

    private readonly object?[][] patients = [.. rows.Patients.Select(p => new object?[]
    {
        p.Id, rows.PracticeId, p.FirstName, p.LastName, p.MiddleName, p.PreferredName, p.BirthDate, p.Gender, p.Status, p.Email,
        p.HomePhone, p.MobilePhone, p.WorkPhone, p.AddressLine1, p.AddressLine2, p.City, p.State, p.PostalCode, p.MatchKey,
        rows.Now.ToUniversalTime(), rows.Now.ToUniversalTime(),
    })];

    private readonly object?[][] links = [.. rows.Links.Select(l => new object?[]
    {
        rows.PracticeId, rows.ConnectionId, l.PmsId, l.PatientId, l.GuarantorPmsId, l.ClinicId, l.ProviderId, l.ContentHash,
        rows.Now.ToUniversalTime(), rows.Now.ToUniversalTime(),
    })];

    public int Rows => patients.Length;

    public async Task<TimeSpan> WriteAsync(HubDatabase database)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        // Shaped like the real tables' columns, without their NOT NULL columns that sync leaves to defaults.
        await ExecuteAsync(connection, transaction,
            TempTable("raw_patients", "Patients", PatientSql.PatientColumns) + TempTable("raw_links", "PatientLinks", PatientSql.LinkColumns) +
            TempTable("raw_phones", "PatientPhones", PatientSql.PhoneColumns));
        Copy(connection, "raw_patients", PatientSql.PatientColumns, PatientTypes, patients);
        Copy(connection, "raw_links", PatientSql.LinkColumns, LinkTypes, links);
        Copy(connection, "raw_phones", PatientSql.PhoneColumns, PhoneTypes, phones);
        await ExecuteAsync(connection, transaction, Upsert("Patients", "raw_patients", PatientSql.PatientColumns, PatientSql.PatientConflict));
        await ExecuteAsync(connection, transaction, Upsert("PatientPhones", "raw_phones", PatientSql.PhoneColumns, PatientSql.PhoneConflict));
        await ExecuteAsync(connection, transaction, Upsert("PatientLinks", "raw_links", PatientSql.LinkColumns, PatientSql.LinkConflict));
        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static void Copy(NpgsqlConnection connection, string table, string[] columns, NpgsqlDbType[] types, object?[][] values)
    {
        using var importer = connection.BeginBinaryImport($"COPY {table} ({PatientSql.Columns(columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in values)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    importer.Write(value, types[i]);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }
        importer.Complete();
    }

    private static string TempTable(string name, string like, string[] columns) =>
        $"CREATE TEMP TABLE {name} ON COMMIT DROP AS SELECT {PatientSql.Columns(columns)} FROM \"{like}\" WITH NO DATA; ";

    private static string Upsert(string table, string source, string[] columns, string conflict) =>
        $"INSERT INTO \"{table}\" ({PatientSql.Columns(columns)}) SELECT {PatientSql.Columns(columns)} FROM {source} {conflict}";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
