using System.Diagnostics;
using DentalHub.Bench.Hub;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Data.Bulk;
using DentalHub.Sync;
using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DentalHub.Bench.Resources;

/// <summary>
/// The database's raw limit for a resource's table (architecture §8): exactly the rows the engine writes (its own
/// mapping, fingerprint and conflict clause), written the fastest way the database has. SQLite: one transaction,
/// one reused prepared upsert. PostgreSQL: binary COPY into a temporary table shaped like the real one, then one
/// <c>INSERT … SELECT … ON CONFLICT DO UPDATE</c>. Only the writing is timed.
/// </summary>
public static class RawResourceBaseline
{
    public static List<TRow> RowsOf<TRecord, TRow>(RecordResource<TRecord, TRow> resource, IReadOnlyList<TRecord> records, SyncRunContext context, DentalHubDb db)
        where TRecord : IPmsRecord where TRow : PmsRecordRow
    {
        var hash = new RowHash(TableUpsert<TRow>.For(db, RecordPageStore<TRecord, TRow>.RowShape).Columns);
        var now = context.Time.GetUtcNow();
        var problems = new List<RecordProblem>();
        var rows = new List<TRow>(records.Count);
        foreach (var record in records)
        {
            problems.Clear();
            if (resource.Mapping.ToRow(record, context, problems) is not { } row || problems.Count > 0)
            {
                throw new InvalidOperationException("The bench's records must all import cleanly.");
            }
            row.PracticeId = context.PracticeId;
            row.ConnectionId = context.ConnectionId;
            row.PmsId = record.PmsId;
            row.ContentHash = hash.Of(row);
            row.FirstSeenAt = now;
            row.UpdatedAt = now;
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<TimeSpan> WriteAsync<TRow>(DentalHubDb db, List<TRow> rows) where TRow : PmsRecordRow
    {
        var upsert = TableUpsert<TRow>.For(db, new UpsertShape([], [nameof(PmsRecordRow.FirstSeenAt)]));
        await db.Database.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, (NpgsqlTransaction)transaction.GetDbTransaction(), upsert, rows);
            }
            else
            {
                await upsert.WriteAsync(db, rows, CancellationToken.None);
            }
            await transaction.CommitAsync();
        }
        return watch.Elapsed;
    }

    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, NpgsqlTransaction transaction, TableUpsert<TRow> upsert, List<TRow> rows) where TRow : PmsRecordRow
    {
        var columns = string.Join(", ", upsert.Columns.Select(c => $"\"{c.Name}\""));
        // No command timeout: a bench writes millions of rows in one statement.
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE raw_rows ON COMMIT DROP AS SELECT {columns} FROM \"{upsert.Table}\" WITH NO DATA", connection, transaction) { CommandTimeout = 0 })
        {
            await create.ExecuteNonQueryAsync();
        }
        var types = upsert.Columns.Select(TypeOf).ToArray();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY raw_rows ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            importer.Timeout = TimeSpan.Zero;
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                for (var i = 0; i < types.Length; i++)
                {
                    var value = upsert.Columns[i].ProviderValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync();
                    }
                    else
                    {
                        await importer.WriteAsync(value is DateTimeOffset time ? time.ToUniversalTime() : value, types[i]);
                    }
                }
            }
            await importer.CompleteAsync();
        }
        await using var insert = new NpgsqlCommand($"INSERT INTO \"{upsert.Table}\" ({columns}) SELECT {columns} FROM raw_rows {upsert.ConflictClause}", connection, transaction) { CommandTimeout = 0 };
        await insert.ExecuteNonQueryAsync();
    }

    private static NpgsqlDbType TypeOf(UpsertColumn column)
    {
        var stored = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        return stored switch
        {
            _ when stored == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when stored == typeof(string) => NpgsqlDbType.Text,
            _ when stored == typeof(int) => NpgsqlDbType.Integer,
            _ when stored == typeof(long) => NpgsqlDbType.Bigint,
            _ when stored == typeof(short) => NpgsqlDbType.Smallint,
            _ when stored == typeof(bool) => NpgsqlDbType.Boolean,
            _ when stored == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when stored == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when stored == typeof(TimeOnly) => NpgsqlDbType.Time,
            _ when stored == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
            _ => throw new NotSupportedException($"The raw baseline has no COPY type for {stored.Name} ({column.Name})."),
        };
    }
}
