using System.Diagnostics;
using System.Globalization;
using DentalHub.Bench.Hub;
using DentalHub.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalHub.Bench.Raw;

/// <summary>
/// SQLite's raw limit for the sync's tables: one transaction, one reused prepared
/// <c>INSERT … ON CONFLICT DO UPDATE</c> per table (the engine's own column lists and conflict clauses),
/// values already in the formats EF Core's SQLite provider stores, so only binding and writing is timed.
/// </summary>
public sealed class SqliteRawBaseline : IRawBaseline
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();
    private readonly object?[][] patients;
    private readonly object?[][] links;
    private readonly object?[][] phones;

    public SqliteRawBaseline(RawRows rows)
    {
        var practice = Id(rows.PracticeId);
        var connection = Id(rows.ConnectionId);
        var now = (long)Times.ConvertToProvider(rows.Now)!;
        patients = [.. rows.Patients.Select(p => new object?[]
        {
            Id(p.Id), practice, p.FirstName, p.LastName, p.MiddleName, p.PreferredName,
            p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Gender, p.Status, p.Email,
            p.HomePhone, p.MobilePhone, p.WorkPhone, p.AddressLine1, p.AddressLine2, p.City, p.State, p.PostalCode, p.MatchKey, now, now,
        })];
        links = [.. rows.Links.Select(l => new object?[]
        {
            practice, connection, l.PmsId, Id(l.PatientId), l.GuarantorPmsId, l.ClinicId, l.ProviderId, l.ContentHash, now, now,
        })];
        phones = [.. rows.Phones.Select(p => new object?[] { Id(p.PatientId), (int)p.Kind, Id(p.ContactId), practice, p.Digits, p.ReversedDigits })];
    }

    public int Rows => patients.Length;

    public async Task<TimeSpan> WriteAsync(HubDatabase database)
    {
        await using var connection = (SqliteConnection)await database.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        Write(connection, transaction, "Patients", PatientSql.PatientColumns, PatientSql.PatientConflict, patients);
        Write(connection, transaction, "PatientPhones", PatientSql.PhoneColumns, PatientSql.PhoneConflict, phones);
        Write(connection, transaction, "PatientLinks", PatientSql.LinkColumns, PatientSql.LinkConflict, links);
        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, string conflict, object?[][] rows)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"INSERT INTO \"{table}\" ({PatientSql.Columns(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + i))}) {conflict}";
        var parameters = columns.Select((_, i) => upsert.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
        upsert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            upsert.ExecuteNonQuery();
        }
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();
}

/// <summary>The raw bulk path of one database, writing the rows it was built with into empty sync tables.</summary>
public interface IRawBaseline
{
    int Rows { get; }

    Task<TimeSpan> WriteAsync(HubDatabase database);
}
