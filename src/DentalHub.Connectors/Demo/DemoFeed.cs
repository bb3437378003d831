using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// A change feed over records the Demo PMS generates for the day it is read on. The cursor is that day and how many
/// records were read ("2026-03-04/200"). Read again the same day, it resumes after them: nothing after a full read.
/// Read on a later day, the records are generated for the new day and all of them come again (the hub writes only
/// the ones that differ: statuses of the days that passed, new payments, the days that came into the schedule),
/// with the ids the cursor's day had and the new day has not (the days that left the schedule) reported deleted.
/// Records that change in place within a day (appointments booked or moved in the Demo PMS) come with a
/// <c>version</c>: the cursor keeps it ("2026-03-04/200/3"), and a read at another version starts the day over.
/// </summary>
public sealed class DemoFeed<TRecord>(
    Func<DateOnly, IReadOnlyList<TRecord>> recordsOn,
    Func<DateOnly> today,
    int pageSize,
    TimeSpan delayPerPage,
    TimeProvider time,
    Func<int>? version = null) : IChangeFeed<TRecord>
    where TRecord : IPmsRecord
{
    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(recordsOn(today()).Count);

    public async IAsyncEnumerable<ChangePage<TRecord>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var day = today();
        var at = version?.Invoke() ?? 0;
        var records = recordsOn(day);
        var (offset, deleted) = StartFrom(cursor, day, at, records);
        if (offset >= records.Count && deleted.Count == 0)
        {
            yield break;
        }
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delayPerPage > TimeSpan.Zero)
            {
                await Task.Delay(delayPerPage, time, cancellationToken);
            }
            await Task.Yield();
            var rows = new TRecord[Math.Min(pageSize, records.Count - offset)];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = records[offset + i];
            }
            offset += rows.Length;
            yield return new ChangePage<TRecord>(rows, CursorAt(day, offset, at)) { Deleted = deleted };
            deleted = [];
        }
        while (offset < records.Count);
    }

    private (int Offset, IReadOnlyList<string> Deleted) StartFrom(SyncCursor? cursor, DateOnly day, int at, IReadOnlyList<TRecord> records)
    {
        var parts = cursor?.Value.Split('/') ?? [];
        if (parts.Length is not (2 or 3)
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cursorDay)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return (0, []);
        }
        var cursorVersion = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (cursorDay == day)
        {
            return (cursorVersion == at ? Math.Min(offset, records.Count) : 0, []);
        }
        var now = records.Select(r => r.PmsId).ToHashSet();
        return (0, [.. recordsOn(cursorDay).Select(r => r.PmsId).Where(id => !now.Contains(id))]);
    }

    private SyncCursor CursorAt(DateOnly day, int offset, int at) => version is null
        ? new(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}/{offset}"))
        : new(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}/{offset}/{at}"));
}
