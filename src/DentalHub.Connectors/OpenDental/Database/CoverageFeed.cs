using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Coverages from the database: the changed ones page by page (<see cref="CoverageQuery"/>, with what each has
/// used this benefit year), then the ones dropped since the cursor as pages of deleted ids.
/// </summary>
internal sealed class CoverageFeed(DatabaseSession session) : IChangeFeed<PmsCoverage>
{
    private readonly TableFeed<CoverageRow> coverages = new(session, CoverageQuery.Query, CoverageQuery.AddBenefitsUsedAsync);

    public Task<int?> CountAsync(CancellationToken cancellationToken) => coverages.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsCoverage>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = DatabaseCursor.Parse(cursor);
        var next = since?.ToSyncCursor() ?? new DatabaseCursor(DateTime.MinValue, 0).ToSyncCursor();
        await foreach (var page in coverages.ReadChangedSince(cursor, cancellationToken))
        {
            next = page.NextCursor;
            yield return new ChangePage<PmsCoverage>(page.Rows.Select(r => r.Coverage).ToList(), page.NextCursor);
        }
        IReadOnlyList<string> dropped;
        await using (var connection = await session.OpenAsync(cancellationToken))
        {
            dropped = await session.GuardAsync(() => CoverageQuery.DroppedSinceAsync(connection, since, cancellationToken), cancellationToken);
        }
        foreach (var ids in dropped.Chunk(session.Settings.PageSize))
        {
            yield return new ChangePage<PmsCoverage>([], next) { Deleted = ids };
        }
    }
}
