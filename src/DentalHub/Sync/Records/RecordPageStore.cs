using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Data.Bulk;
using DentalHub.ImportFailures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Sync.Records;

/// <summary>
/// Stores a page of any resource in its table: two lookups (stored fingerprints, open failures), then one
/// set-wise upsert of the new and changed rows, one of the failures, and the deletions the PMS reported.
/// </summary>
public sealed class RecordPageStore<TRecord, TRow>(string resource, SyncRunContext context, IRecordMapping<TRecord, TRow> mapping) : IPageStore<TRecord>, IFindsUnseenRecords
    where TRecord : IPmsRecord
    where TRow : PmsRecordRow
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);
    /// <summary>Rows collide on their key (connection, PMS id); when DentalHub first saw a row is kept.</summary>
    public static readonly UpsertShape RowShape = new([], [nameof(PmsRecordRow.FirstSeenAt)]);
    private static readonly UpsertShape FailureShape = new(
        [nameof(ImportFailure.ConnectionId), nameof(ImportFailure.Resource), nameof(ImportFailure.PmsId)],
        [nameof(ImportFailure.Id), nameof(ImportFailure.FirstSeenAt)]);

    public Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        context.Provider == DatabaseProvider.Postgres
            // As for patients: index probes, not table scans, for a page's lookups on SSDs.
            ? db.Database.ExecuteSqlRawAsync("SET LOCAL random_page_cost = 1.1", cancellationToken)
            : Task.CompletedTask;

    public Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        context.Provider == DatabaseProvider.Postgres
#pragma warning disable EF1002 // The table name comes from the EF model, not from input.
            ? db.Database.ExecuteSqlRawAsync($"ANALYZE \"{TableUpsert<TRow>.For(db, RowShape).Table}\"", cancellationToken)
#pragma warning restore EF1002
            : Task.CompletedTask;

    // Whether the connection had no rows, and no failures, of this resource when the run began. A first read
    // into an empty table then skips the two lookups per page: nothing can be there to compare with, and on a
    // resource of small rows those lookups cost as much as writing the page.
    private bool? startedEmpty;
    private bool? startedWithoutFailures;

    public async Task<PageCounts> StoreAsync(DentalHubDb db, IDbContextTransaction transaction, ChangePage<TRecord> page, CancellationToken cancellationToken)
    {
        var upsert = TableUpsert<TRow>.For(db, RowShape);
        var hash = new RowHash(upsert.Columns);
        var now = context.Time.GetUtcNow();
        startedEmpty ??= !await Rows(db).AnyAsync(cancellationToken);
        startedWithoutFailures ??= !await db.ImportFailures.AnyAsync(f => f.ConnectionId == context.ConnectionId && f.Resource == resource, cancellationToken);
        // A page may carry one record twice (an API read that overlaps itself): the last one read wins.
        var records = page.Rows.GroupBy(r => r.PmsId).Select(g => g.Last()).ToList();
        // Deletions are always looked up: a record written earlier in this same run may be among them.
        var ids = records.Select(r => r.PmsId).Concat(page.Deleted).Distinct().ToList();
        var compared = startedEmpty.Value ? page.Deleted.Distinct().ToList() : ids;
        var stored = compared.Count == 0 ? [] : await Rows(db).AsNoTracking()
            .Where(r => EF.Parameter(compared).Contains(r.PmsId))
            .Select(r => new StoredRow(r.PmsId, r.ContentHash, r.DeletedAt != null))
            .ToDictionaryAsync(r => r.PmsId, cancellationToken);
        var withFailures = startedWithoutFailures.Value ? [] : (await db.ImportFailures.AsNoTracking()
            .Where(f => f.ConnectionId == context.ConnectionId && f.Resource == resource && EF.Parameter(ids).Contains(f.PmsId))
            .Select(f => f.PmsId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var rows = new List<TRow>();
        var failures = new List<ImportFailure>();
        var cleared = new List<string>();
        int created = 0, updated = 0, unchanged = 0, failed = 0, warnings = 0;
        var problems = new List<RecordProblem>();
        foreach (var record in records)
        {
            problems.Clear();
            var row = mapping.ToRow(record, context, problems);
            if (row is null || problems.Any(p => p.Severity == ImportFailureSeverity.Error))
            {
                failures.Add(Failure(record, problems, now));
                failed++;
                continue;
            }
            row.PracticeId = context.PracticeId;
            row.ConnectionId = context.ConnectionId;
            row.PmsId = record.PmsId;
            row.ContentHash = hash.Of(row);
            var known = stored.GetValueOrDefault(record.PmsId);
            if (known is not null && known.ContentHash == row.ContentHash && !known.Deleted)
            {
                unchanged++;
            }
            else
            {
                row.FirstSeenAt = now;
                row.UpdatedAt = now;
                rows.Add(row);
                _ = known is null ? created++ : updated++;
            }
            if (problems.Count > 0)
            {
                failures.Add(Failure(record, problems, now));
                warnings++;
            }
            else if (withFailures.Contains(record.PmsId))
            {
                cleared.Add(record.PmsId);
            }
        }
        await upsert.WriteAsync(db, rows, cancellationToken);
        await TableUpsert<ImportFailure>.For(db, FailureShape).WriteAsync(db, failures, cancellationToken);
        // A record deleted in the PMS leaves nothing there to fix.
        cleared.AddRange(page.Deleted.Where(withFailures.Contains));
        if (cleared.Count > 0)
        {
            await db.ImportFailures
                .Where(f => f.ConnectionId == context.ConnectionId && f.Resource == resource && EF.Parameter(cleared).Contains(f.PmsId))
                .ExecuteDeleteAsync(cancellationToken);
        }
        var deleted = page.Deleted.Where(id => stored.TryGetValue(id, out var row) && !row.Deleted).Distinct().ToList();
        if (deleted.Count > 0)
        {
            await Rows(db)
                .Where(r => EF.Parameter(deleted).Contains(r.PmsId))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.DeletedAt, now).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        }
        return new PageCounts(page.Rows.Count, created, updated, unchanged, failed, warnings, deleted.Count);
    }

    public async Task<UnseenRecords> UnseenAsync(DentalHubDb db, IReadOnlySet<string> seen, CancellationToken cancellationToken)
    {
        var held = await Rows(db).AsNoTracking()
            .Where(r => r.DeletedAt == null)
            .Select(r => r.PmsId)
            .ToListAsync(cancellationToken);
        var failed = await db.ImportFailures.AsNoTracking()
            .Where(f => f.ConnectionId == context.ConnectionId && f.Resource == resource)
            .Select(f => f.PmsId)
            .ToListAsync(cancellationToken);
        return new UnseenRecords(held.Concat(failed).Where(id => !seen.Contains(id)).Distinct().ToList(), held.Count);
    }

    /// <summary>
    /// This connection's rows, found by the first column of their key. The connection is the tenant's (the run read it
    /// through the tenant filter), so the filter is left out here: with its PracticeId in the SQL, SQLite (which keeps
    /// no statistics) walks a (PracticeId, ...) index over every row of the practice instead of probing the key, and
    /// 1,000 lookups among a million appointments took a second instead of milliseconds.
    /// </summary>
    private IQueryable<TRow> Rows(DentalHubDb db) =>
        db.Set<TRow>().IgnoreQueryFilters().Where(r => r.ConnectionId == context.ConnectionId);

    private sealed record StoredRow(string PmsId, long ContentHash, bool Deleted);

    private ImportFailure Failure(TRecord record, List<RecordProblem> problems, DateTimeOffset now)
    {
        var first = problems.FirstOrDefault() ?? new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Error,
            $"DentalHub could not read this record; check it in {context.SystemName}.");
        var label = mapping.LabelOf(record);
        return new ImportFailure
        {
            PracticeId = context.PracticeId,
            ConnectionId = context.ConnectionId,
            Resource = resource,
            PmsId = record.PmsId,
            Label = label.Length > 200 ? label[..200] : label,
            Reason = first.Reason,
            Severity = first.Severity,
            Message = string.Join(" ", problems.Select(p => p.Message).DefaultIfEmpty(first.Message)),
            DetailsJson = JsonSerializer.Serialize(record, DetailsJson),
            FirstSeenAt = now,
            LastSeenAt = now,
        };
    }
}
