using System.Data.Common;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DentalHub.Sync;

/// <summary>
/// PostgreSQL's set-wise path: one statement per table per page, the page's rows sent as arrays and
/// unpacked with unnest(), then upserted.
/// </summary>
internal sealed class PostgresPatientBatchWriter : IPatientBatchWriter
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, PageTarget target, PatientPagePlan plan, CancellationToken cancellationToken)
    {
        var pg = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var now = target.Now.ToUniversalTime();
        if (plan.Patients.Count > 0)
        {
            var rows = plan.Patients;
            await ExecuteAsync(pg, tx, "Patients", PatientSql.PatientColumns, PatientSql.PatientConflict, cancellationToken,
                Array(rows, r => r.PatientId, NpgsqlDbType.Uuid),
                Array(rows, _ => target.PracticeId, NpgsqlDbType.Uuid),
                Array(rows, r => r.Source.FirstName!.Trim(), NpgsqlDbType.Text),
                Array(rows, r => r.Source.LastName!.Trim(), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.MiddleName), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.PreferredName), NpgsqlDbType.Text),
                Array(rows, r => r.Source.BirthDate!.Value, NpgsqlDbType.Date),
                Array(rows, r => (int)r.Source.Gender, NpgsqlDbType.Integer),
                Array(rows, r => (int)r.Source.Status, NpgsqlDbType.Integer),
                Array(rows, r => r.Email, NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Phones.Home), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Phones.Mobile), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Phones.Work), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Address.Line1), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Address.Line2), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Address.City), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Address.State), NpgsqlDbType.Text),
                Array(rows, r => Trim(r.Source.Address.PostalCode), NpgsqlDbType.Text),
                Array(rows, r => r.MatchKey, NpgsqlDbType.Text),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz));
        }
        await WritePhonesAsync(pg, tx, target, plan, cancellationToken);
        if (plan.Links.Count > 0)
        {
            var rows = plan.Links;
            await ExecuteAsync(pg, tx, "PatientLinks", PatientSql.LinkColumns, PatientSql.LinkConflict, cancellationToken,
                Array(rows, _ => target.PracticeId, NpgsqlDbType.Uuid),
                Array(rows, _ => target.ConnectionId, NpgsqlDbType.Uuid),
                Array(rows, r => r.PmsId, NpgsqlDbType.Text),
                Array(rows, r => r.PatientId, NpgsqlDbType.Uuid),
                Array(rows, r => r.Source.GuarantorPmsId, NpgsqlDbType.Text),
                Array(rows, r => r.Source.ClinicId, NpgsqlDbType.Text),
                Array(rows, r => r.Source.PrimaryProviderId, NpgsqlDbType.Text),
                Array(rows, r => r.ContentHash, NpgsqlDbType.Bigint),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz));
        }
        if (plan.Failures.Count > 0)
        {
            var rows = plan.Failures;
            await ExecuteAsync(pg, tx, "ImportFailures", PatientSql.FailureColumns, PatientSql.FailureConflict, cancellationToken,
                Array(rows, _ => Guid.CreateVersion7(), NpgsqlDbType.Uuid),
                Array(rows, _ => target.PracticeId, NpgsqlDbType.Uuid),
                Array(rows, _ => target.ConnectionId, NpgsqlDbType.Uuid),
                Array(rows, _ => SyncResources.Patients, NpgsqlDbType.Text),
                Array(rows, r => r.Source.PmsId, NpgsqlDbType.Text),
                Array(rows, r => ImportFailureNames.Of(r.Source), NpgsqlDbType.Text),
                Array(rows, r => (int)r.Problem.Reason, NpgsqlDbType.Integer),
                Array(rows, r => (int)r.Problem.Severity, NpgsqlDbType.Integer),
                Array(rows, r => r.Problem.Message, NpgsqlDbType.Text),
                Array(rows, r => r.DetailsJson, NpgsqlDbType.Text),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz),
                Array(rows, _ => now, NpgsqlDbType.TimestampTz));
        }
        if (plan.Cleared.Count > 0)
        {
            await using var delete = new NpgsqlCommand(
                $"DELETE FROM \"ImportFailures\" WHERE \"ConnectionId\" = @c AND \"Resource\" = '{SyncResources.Patients}' AND \"PmsId\" = ANY(@p)", pg, tx);
            delete.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Uuid) { Value = target.ConnectionId });
            delete.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = plan.Cleared.ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WritePhonesAsync(NpgsqlConnection pg, NpgsqlTransaction tx, PageTarget target, PatientPagePlan plan, CancellationToken cancellationToken)
    {
        var phones = PatientSql.Phones(target, plan.Patients);
        if (phones.Count > 0)
        {
            await ExecuteAsync(pg, tx, "PatientPhones", PatientSql.PhoneColumns, PatientSql.PhoneConflict, cancellationToken,
                Array(phones, p => p.PatientId, NpgsqlDbType.Uuid),
                Array(phones, p => (int)p.Kind, NpgsqlDbType.Integer),
                Array(phones, p => p.ContactId, NpgsqlDbType.Uuid),
                Array(phones, p => p.PracticeId, NpgsqlDbType.Uuid),
                Array(phones, p => p.Digits, NpgsqlDbType.Text),
                Array(phones, p => p.ReversedDigits, NpgsqlDbType.Text));
        }
        var gone = PatientSql.PhonesGone(plan.Patients);
        if (gone.Count > 0)
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM \"PatientPhones\" WHERE \"ContactId\" = @c AND (\"PatientId\", \"Kind\") IN (SELECT * FROM unnest(@p, @k))", pg, tx);
            delete.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Uuid) { Value = Guid.Empty });
            var patients = Array(gone, g => g.PatientId, NpgsqlDbType.Uuid);
            patients.ParameterName = "p";
            var kinds = Array(gone, g => (int)g.Kind, NpgsqlDbType.Integer);
            kinds.ParameterName = "k";
            delete.Parameters.Add(patients);
            delete.Parameters.Add(kinds);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // A page's lookups fetch about one row per key (1,000 keys) from tables the sync keeps hot. With the
    // default random_page_cost (4, priced for spinning disks) PostgreSQL prefers reading the whole table
    // to 1,000 index probes once it holds ~100k rows, so every page costs a full scan (50 ms instead of
    // 4 ms at 100k patients). The SSD value PostgreSQL's documentation suggests, for this transaction only.
    public async Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("SET LOCAL random_page_cost = 1.1", cancellationToken);

    // Without statistics PostgreSQL takes "ConnectionId = @c" for a handful of rows and answers each page's
    // lookups by reading every link of the connection (a bitmap scan of the guarantor index) instead of
    // the primary key: an initial sync then slows with every page. ANALYZE samples a bounded number of
    // rows, so it stays cheap on any table size; without the owner's rights it is skipped with a warning.
    public async Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"PatientLinks\", \"Patients\", \"PatientPhones\", \"ImportFailures\"", cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string table, string[] columns, string conflict, CancellationToken cancellationToken, params NpgsqlParameter[] arrays)
    {
        var unnest = string.Join(", ", arrays.Select((_, i) => "@p" + i));
        await using var command = new NpgsqlCommand(
            $"INSERT INTO \"{table}\" ({PatientSql.Columns(columns)}) SELECT * FROM unnest({unnest}) {conflict}", connection, tx);
        for (var i = 0; i < arrays.Length; i++)
        {
            arrays[i].ParameterName = "p" + i;
            command.Parameters.Add(arrays[i]);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Array<TRow, TValue>(IReadOnlyList<TRow> rows, Func<TRow, TValue> value, NpgsqlDbType type)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = value(rows[i]);
        }
        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
