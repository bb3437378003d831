using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// One resource of a <see cref="ScriptedPms"/>: records a test adds, edits and deletes (each change moves the
/// record to the end of the change order, as a change stamp does), pages of a chosen size, a crash after N
/// pages, and a gate that holds a read after its first page.
/// </summary>
public sealed class ScriptedFeed<T> : IChangeFeed<T> where T : IPmsRecord
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (T? Record, long Sequence)> rows = [];
    private long sequence;

    public int PageSize { get; set; } = 50;

    /// <summary>Throws after this many pages of the next read, as a crash of the process would stop it.</summary>
    public int? CrashAfterPages { get; set; }

    /// <summary>When set, the read waits here after its first page until the test releases it.</summary>
    public TaskCompletionSource? HoldAfterFirstPage { get; set; }

    public TaskCompletionSource FirstPageServed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int PagesServed { get; private set; }

    /// <summary>False for a feed over rows the PMS can delete without a trace (<see cref="Vanish"/>).</summary>
    public bool ReportsEveryDeletion { get; set; } = true;

    public void Upsert(params T[] records)
    {
        lock (gate)
        {
            foreach (var record in records)
            {
                rows[record.PmsId] = (record, ++sequence);
            }
        }
    }

    /// <summary>The PMS deletes the record and reports it as deleted.</summary>
    public void Delete(string pmsId)
    {
        lock (gate)
        {
            rows[pmsId] = (default, ++sequence);
        }
    }

    /// <summary>The PMS deletes the record outright: nothing reports it, it is simply no longer read.</summary>
    public void Vanish(string pmsId)
    {
        lock (gate)
        {
            rows.Remove(pmsId);
        }
    }

    /// <summary>The PMS is emptied (or the connection now reads another, empty, database).</summary>
    public void VanishAll()
    {
        lock (gate)
        {
            rows.Clear();
        }
    }

    public Task<int?> CountAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<int?>(rows.Values.Count(r => r.Record is not null));
        }
    }

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor is null ? 0 : long.Parse(cursor.Value, CultureInfo.InvariantCulture);
        List<(string Id, T? Record, long Sequence)> changed;
        lock (gate)
        {
            changed = rows.Where(r => r.Value.Sequence > since).Select(r => (r.Key, r.Value.Record, r.Value.Sequence)).OrderBy(r => r.Sequence).ToList();
        }
        var pages = 0;
        foreach (var page in changed.Chunk(PageSize))
        {
            if (CrashAfterPages is { } crash && pages == crash)
            {
                CrashAfterPages = null;
                throw new InvalidOperationException("Simulated crash of the process mid-run.");
            }
            pages++;
            PagesServed++;
            yield return new ChangePage<T>(page.Where(r => r.Record is not null).Select(r => r.Record!).ToList(), new SyncCursor(page[^1].Sequence.ToString(CultureInfo.InvariantCulture)))
            {
                Deleted = page.Where(r => r.Record is null).Select(r => r.Id).ToList(),
            };
            FirstPageServed.TrySetResult();
            if (HoldAfterFirstPage is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
