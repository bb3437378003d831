using System.Data.Common;
using DentalHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalHub.Sync;

/// <summary>
/// SQLite's fastest path: one transaction, one prepared statement per table, re-bound per row.
/// Values are written in the formats EF Core's SQLite provider reads (upper-case GUID text, ISO dates,
/// DateTimeOffset as UTC ticks).
/// </summary>
internal sealed class SqlitePatientBatchWriter : IPatientBatchWriter
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, PageTarget target, PatientPagePlan plan, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var tx = (SqliteTransaction)transaction;
        var now = Time(target.Now);
        var (keepIdentity, fullPatients) = Split(plan.Patients, p => p.KeepsIdentity);
        if (fullPatients.Count > 0)
        {
            await using var upsert = Prepare(sqlite, tx, "Patients", PatientSql.PatientColumns, PatientSql.PatientConflict);
            foreach (var p in fullPatients)
            {
                var s = p.Source;
                await RunAsync(upsert, cancellationToken, [Id(p.PatientId), Id(target.PracticeId), s.FirstName!.Trim(), s.LastName!.Trim(), .. Details(p, now)[..^1],
                    p.MatchKey, now, now]);
            }
        }
        if (keepIdentity.Count > 0)
        {
            await using var update = PrepareUpdate(sqlite, tx, "Patients", PatientSql.PatientDetailColumns, ["Id"]);
            foreach (var p in keepIdentity)
            {
                await RunAsync(update, cancellationToken, [.. Details(p, now), Id(p.PatientId)]);
            }
        }
        await WritePhonesAsync(sqlite, tx, target, plan, cancellationToken);
        var (keepKeys, fullLinks) = Split(plan.Links, l => l.KeepsKeys);
        if (fullLinks.Count > 0)
        {
            await using var upsert = Prepare(sqlite, tx, "PatientLinks", PatientSql.LinkColumns, PatientSql.LinkConflict);
            foreach (var l in fullLinks)
            {
                await RunAsync(upsert, cancellationToken, Id(target.PracticeId), Id(target.ConnectionId), l.PmsId, Id(l.PatientId),
                    l.Source.GuarantorPmsId, l.Source.ClinicId, l.Source.PrimaryProviderId, l.ContentHash, now, now);
            }
        }
        if (keepKeys.Count > 0)
        {
            await using var update = PrepareUpdate(sqlite, tx, "PatientLinks", PatientSql.LinkDetailColumns, ["ConnectionId", "PmsId"]);
            foreach (var l in keepKeys)
            {
                await RunAsync(update, cancellationToken, l.Source.ClinicId, l.Source.PrimaryProviderId, l.ContentHash, now, Id(target.ConnectionId), l.PmsId);
            }
        }
        if (plan.Failures.Count > 0)
        {
            await using var upsert = Prepare(sqlite, tx, "ImportFailures", PatientSql.FailureColumns, PatientSql.FailureConflict);
            foreach (var f in plan.Failures)
            {
                await RunAsync(upsert, cancellationToken, Id(Guid.CreateVersion7()), Id(target.PracticeId), Id(target.ConnectionId), SyncResources.Patients, f.Source.PmsId,
                    ImportFailureNames.Of(f.Source), (int)f.Problem.Reason, (int)f.Problem.Severity, f.Problem.Message, f.DetailsJson, now, now);
            }
        }
        if (plan.Cleared.Count > 0)
        {
            await using var delete = sqlite.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM \"ImportFailures\" WHERE \"ConnectionId\" = $c AND \"Resource\" = '{SyncResources.Patients}' AND \"PmsId\" = $p";
            delete.Parameters.AddWithValue("$c", Id(target.ConnectionId));
            var pmsId = delete.Parameters.Add("$p", SqliteType.Text);
            delete.Prepare();
            foreach (var cleared in plan.Cleared)
            {
                pmsId.Value = cleared;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static async Task WritePhonesAsync(SqliteConnection sqlite, SqliteTransaction tx, PageTarget target, PatientPagePlan plan, CancellationToken cancellationToken)
    {
        var phones = PatientSql.Phones(target, plan.Patients);
        if (phones.Count > 0)
        {
            await using var upsert = Prepare(sqlite, tx, "PatientPhones", PatientSql.PhoneColumns, PatientSql.PhoneConflict);
            foreach (var phone in phones)
            {
                await RunAsync(upsert, cancellationToken, Id(phone.PatientId), (int)phone.Kind, Id(phone.ContactId), Id(phone.PracticeId), phone.Digits, phone.ReversedDigits);
            }
        }
        var gone = PatientSql.PhonesGone(plan.Patients);
        if (gone.Count > 0)
        {
            await using var delete = sqlite.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = PatientSql.DeletePmsPhone;
            delete.Parameters.AddWithValue("@c", Id(Guid.Empty));
            var patientId = delete.Parameters.Add("@p", SqliteType.Text);
            var kind = delete.Parameters.Add("@k", SqliteType.Integer);
            delete.Prepare();
            foreach (var (patient, phoneKind) in gone)
            {
                patientId.Value = Id(patient);
                kind.Value = (int)phoneKind;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLite picks the right index for the page lookups without statistics (PageLookupQueries is written so).
    public Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The values of <see cref="PatientSql.PatientDetailColumns"/>, in order (the last is UpdatedAt).</summary>
    private static object?[] Details(PatientWrite p, long now)
    {
        var s = p.Source;
        return [Trim(s.MiddleName), Trim(s.PreferredName), s.BirthDate!.Value.ToString("yyyy-MM-dd"), (int)s.Gender, (int)s.Status, p.Email,
            Trim(s.Phones.Home), Trim(s.Phones.Mobile), Trim(s.Phones.Work), Trim(s.Address.Line1), Trim(s.Address.Line2), Trim(s.Address.City), Trim(s.Address.State), Trim(s.Address.PostalCode),
            now];
    }

    private static (List<T> Matching, List<T> Others) Split<T>(List<T> rows, Func<T, bool> predicate)
    {
        var matching = rows.Where(predicate).ToList();
        return (matching, matching.Count == 0 ? rows : rows.Where(r => !predicate(r)).ToList());
    }

    private static SqliteCommand PrepareUpdate(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns, string[] keys)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var set = string.Join(", ", columns.Select((c, i) => $"\"{c}\" = ${i}"));
        var where = string.Join(" AND ", keys.Select((k, i) => $"\"{k}\" = ${columns.Length + i}"));
        command.CommandText = $"UPDATE \"{table}\" SET {set} WHERE {where}";
        for (var i = 0; i < columns.Length + keys.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        command.Prepare();
        return command;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns, string conflict)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({PatientSql.Columns(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + i))}) {conflict}";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        command.Prepare();
        return command;
    }

    private static Task<int> RunAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static long Time(DateTimeOffset value) => (long)Times.ConvertToProvider(value)!;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How a failure names the patient: whatever the PMS has, so the front desk can find the record.</summary>
internal static class ImportFailureNames
{
    public static string Of(Connectors.Contract.PmsPatient source)
    {
        var name = $"{source.LastName?.Trim()}, {source.FirstName?.Trim()}".Trim(' ', ',');
        name = string.IsNullOrEmpty(name) ? "(no name)" : name;
        return name.Length > 200 ? name[..200] : name;
    }
}
