using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Bench.Hub;

/// <summary>
/// One resource of the in-memory PMS: an append-only change list served in pages of 1,000. A full read serves
/// everything; a later read serves what was appended after the cursor (only that is copied, so the list's length
/// does not show in an incremental run's time).
/// </summary>
public sealed class MemoryFeed<T> : IChangeFeed<T> where T : IPmsRecord
{
    private readonly List<T> changes = [];

    public void Reset(IEnumerable<T> records)
    {
        changes.Clear();
        changes.AddRange(records);
    }

    public void Append(IEnumerable<T> edited) => changes.AddRange(edited);

    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(changes.Count);

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = cursor is null ? 0 : int.Parse(cursor.Value, CultureInfo.InvariantCulture);
        var rows = changes.GetRange(from, changes.Count - from).ToArray();
        for (var start = 0; start < rows.Length; start += MemoryPms.PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(MemoryPms.PageSize, rows.Length - start);
            yield return new ChangePage<T>(new ArraySegment<T>(rows, start, count), new SyncCursor((from + start + count).ToString(CultureInfo.InvariantCulture)));
        }
        await Task.CompletedTask;
    }
}
