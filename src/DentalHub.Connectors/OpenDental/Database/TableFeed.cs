using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>One resource read from Open Dental's database, page by page after the cursor (see <see cref="ChangeQuery{T}"/>).</summary>
internal sealed class TableFeed<T>(DatabaseSession session, ChangeQuery<T> query, Func<IReadOnlyList<T>, MySqlConnection, CancellationToken, Task<IReadOnlyList<T>>>? complete = null)
    : IChangeFeed<T> where T : IPmsRecord
{
    public async Task<int?> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        return await session.GuardAsync(async () =>
        {
            await using var command = new MySqlCommand(query.Count, connection);
            return (int?)Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = DatabaseCursor.Parse(cursor);
        // A whole-table read starts over every run: the cursor only says where a run that stopped resumes.
        var wholeTable = query.Stamp is null;
        await using var connection = await session.OpenAsync(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (rows, last, more) = await ReadPageAsync(connection, position, cancellationToken);
            if (last is null)
            {
                yield break;
            }
            position = last;
            if (complete is not null)
            {
                rows = [.. await session.GuardAsync(() => complete(rows, connection, cancellationToken), cancellationToken)];
            }
            yield return new ChangePage<T>(rows, wholeTable && !more ? DatabaseCursor.Restart : last.ToSyncCursor());
            if (!more)
            {
                yield break;
            }
        }
    }

    // The change stamps have no index in Open Dental's schema, so every page query scans the table. Asking
    // for one row more than a page tells whether another page follows; without it, a run whose changes
    // fill exactly one page would scan the table a second time only to find nothing.
    private Task<(List<T> Rows, DatabaseCursor? Last, bool More)> ReadPageAsync(MySqlConnection connection, DatabaseCursor? after, CancellationToken cancellationToken) =>
        session.GuardAsync(async () =>
        {
            var pageSize = session.Settings.PageSize;
            await using var command = query.PageCommand(connection, after, pageSize + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>(pageSize);
            DatabaseCursor? last = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == pageSize)
                {
                    return (rows, last, true);
                }
                last = ChangeQuery<T>.PositionOf(reader);
                rows.Add(query.Read(reader));
            }
            return (rows, last, false);
        }, cancellationToken);
}
