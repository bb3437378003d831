using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// A table whose deleted rows leave it, read together with the <c>deletedobject</c> rows that report them: first
/// the records changed since their position, then the deletions since theirs, as pages with no rows and the
/// deleted ids. The two tables have positions of their own, so the cursor carries both
/// (<see cref="TwoTableCursor"/>); the engine still sees one opaque cursor per resource. A record deleted during
/// a read is reported by this read or the next: its deletion row is stamped after it left the table.
/// </summary>
internal sealed class DeletionTrackedFeed<T>(TableFeed<T> records, TableFeed<DeletedObject> deletions) : IChangeFeed<T> where T : IPmsRecord
{
    public Task<int?> CountAsync(CancellationToken cancellationToken) => records.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (recordsAt, deletionsAt) = TwoTableCursor.Parse(cursor);
        await foreach (var page in records.ReadChangedSince(recordsAt?.ToSyncCursor(), cancellationToken))
        {
            recordsAt = DatabaseCursor.Parse(page.NextCursor);
            yield return page with { NextCursor = TwoTableCursor.Format(recordsAt, deletionsAt) };
        }
        await foreach (var page in deletions.ReadChangedSince(deletionsAt?.ToSyncCursor(), cancellationToken))
        {
            deletionsAt = DatabaseCursor.Parse(page.NextCursor);
            yield return new ChangePage<T>([], TwoTableCursor.Format(recordsAt, deletionsAt))
            {
                Deleted = page.Rows.Select(d => d.PmsId).Distinct().ToList(),
            };
        }
    }
}
