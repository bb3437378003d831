using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// One resource made of several Open Dental tables (the ledger: procedures, adjustments, paysplits,
/// claimprocs), each with its own change stamp. The tables are read one after another, each paged by its
/// own (stamp, key) as <see cref="TableFeed{T}"/> pages one table, and the cursor keeps one position per
/// table (<see cref="MultiTableCursor"/>), so the generic engine still sees one feed and one opaque cursor.
/// A page holds rows of one table only and carries every table's position, so a run stopped anywhere
/// resumes where it stopped. Rows that stopped being records (<see cref="RowChanges{T}.Deleted"/>) are
/// reported in <see cref="ChangePage{T}.Deleted"/>.
/// </summary>
internal sealed class MultiTableFeed<T>(DatabaseSession session, IReadOnlyList<TableSource<T>> sources) : IChangeFeed<T> where T : IPmsRecord
{
    public async Task<int?> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        return await session.GuardAsync(async () =>
        {
            var total = 0;
            foreach (var source in sources)
            {
                await using var command = new MySqlCommand(source.CountSql, connection);
                total += Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken) ?? 0, CultureInfo.InvariantCulture);
            }
            return (int?)total;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var positions = MultiTableCursor.Parse(cursor);
        await using var connection = await session.OpenAsync(cancellationToken);
        foreach (var source in sources)
        {
            var position = positions[source.Name];
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (rows, last, more) = await ReadPageAsync(connection, source.Query, position, cancellationToken);
                if (last is null)
                {
                    break;
                }
                position = last;
                positions = positions.With(source.Name, last);
                yield return new ChangePage<T>(rows.SelectMany(r => r.Records).ToList(), positions.ToSyncCursor())
                {
                    Deleted = rows.SelectMany(r => r.Deleted).ToList(),
                };
                if (!more)
                {
                    break;
                }
            }
        }
    }

    // As in TableFeed: one row more than a page tells whether another page follows without a second scan.
    private Task<(List<RowChanges<T>> Rows, DatabaseCursor? Last, bool More)> ReadPageAsync(
        MySqlConnection connection, ChangeQuery<RowChanges<T>> query, DatabaseCursor? after, CancellationToken cancellationToken) =>
        session.GuardAsync(async () =>
        {
            var pageSize = session.Settings.PageSize;
            await using var command = query.PageCommand(connection, after, pageSize + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<RowChanges<T>>(pageSize);
            DatabaseCursor? last = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == pageSize)
                {
                    return (rows, last, true);
                }
                last = ChangeQuery<RowChanges<T>>.PositionOf(reader);
                rows.Add(query.Read(reader));
            }
            return (rows, last, false);
        }, cancellationToken);
}
