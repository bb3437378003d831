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
/// </summary>
public sealed class DemoFeed<TRecord>(
    Func<DateOnly, IReadOnlyList<TRecord>> recordsOn,
    Func<DateOnly> today,
    int pageSize,
    TimeSpan delayPerPage,
    TimeProvider time) : IChangeFeed<TRecord>
    where TRecord : IPmsRecord
{
    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(recordsOn(today()).Count);

    public async IAsyncEnumerable<ChangePage<TRecord>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var day = today();
        var records = recordsOn(day);
        var (offset, deleted) = StartFrom(cursor, day, records);
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
            yield return new ChangePage<TRecord>(rows, CursorAt(day, offset)) { Deleted = deleted };
            deleted = [];
        }
        while (offset < records.Count);
    }

    private (int Offset, IReadOnlyList<string> Deleted) StartFrom(SyncCursor? cursor, DateOnly day, IReadOnlyList<TRecord> records)
    {
        if (cursor?.Value.Split('/') is not [var dayText, var offsetText]
            || !DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cursorDay)
            || !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return (0, []);
        }
        if (cursorDay == day)
        {
            return (Math.Min(offset, records.Count), []);
        }
        var now = records.Select(r => r.PmsId).ToHashSet();
        return (0, [.. recordsOn(cursorDay).Select(r => r.PmsId).Where(id => !now.Contains(id))]);
    }

    private static SyncCursor CursorAt(DateOnly day, int offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}/{offset}"));
}
