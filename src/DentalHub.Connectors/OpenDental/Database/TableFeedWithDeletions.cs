using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// A table read for changes (<see cref="TableFeed{T}"/>), then the records deleted since the cursor as pages of
/// ids, for the tables whose deletions Open Dental leaves a trace of elsewhere (an audit row naming a key that
/// no longer exists). Deletion pages carry the cursor the changed rows left, so they never move it.
/// </summary>
internal sealed class TableFeedWithDeletions<TRow, T>(
    DatabaseSession session,
    TableFeed<TRow> changed,
    Func<TRow, T> convert,
    Func<MySqlConnection, DatabaseCursor?, CancellationToken, Task<IReadOnlyList<string>>> deletedSince)
    : IChangeFeed<T> where TRow : IPmsRecord where T : IPmsRecord
{
    public Task<int?> CountAsync(CancellationToken cancellationToken) => changed.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = DatabaseCursor.Parse(cursor);
        var next = since?.ToSyncCursor() ?? new DatabaseCursor(DateTime.MinValue, 0).ToSyncCursor();
        await foreach (var page in changed.ReadChangedSince(cursor, cancellationToken))
        {
            next = page.NextCursor;
            yield return new ChangePage<T>(page.Rows.Select(convert).ToList(), page.NextCursor);
        }
        IReadOnlyList<string> deleted;
        await using (var connection = await session.OpenAsync(cancellationToken))
        {
            // A cursor at the zero stamp has seen nothing yet: every deletion counts.
            var from = since?.ChangedAtUtc == DateTime.MinValue ? null : since;
            deleted = await session.GuardAsync(() => deletedSince(connection, from, cancellationToken), cancellationToken);
        }
        foreach (var ids in deleted.Chunk(session.Settings.PageSize))
        {
            yield return new ChangePage<T>([], next) { Deleted = ids };
        }
    }
}
