using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DentalHub.Connectors.Contract;

namespace DentalHub.Sync;

/// <summary>
/// Reads a connector's pages on a task of its own, a few pages ahead of the writer, so the PMS read of
/// the next page overlaps storing this one. The writer takes every page already read (up to a row
/// limit) at once: pages pile up only when the writer is the slower side, and then share one
/// transaction, which is where a commit per page costs most (SQLite writes every index page a commit
/// touched again). A slow PMS still gets one page per transaction, stored as soon as it arrives.
/// A read error reaches the writer after the pages read before it, as the error itself.
/// </summary>
internal sealed class PageReadAhead<T> : IAsyncDisposable
{
    private readonly Channel<ChangePage<T>> pages;
    private readonly CancellationTokenSource stop;
    private readonly Task reading;
    private ExceptionDispatchInfo? readFailure;

    public PageReadAhead(Func<CancellationToken, IAsyncEnumerable<ChangePage<T>>> read, int pagesAhead, CancellationToken cancellationToken)
    {
        pages = Channel.CreateBounded<ChangePage<T>>(new BoundedChannelOptions(pagesAhead) { SingleReader = true, SingleWriter = true });
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reading = Task.Run(() => ReadAsync(read, stop.Token), CancellationToken.None);
    }

    /// <summary>Waits for the next page, then adds those already read while the group has fewer than <paramref name="maxRows"/> rows. Empty at the end of the read.</summary>
    public async Task<List<ChangePage<T>>> NextGroupAsync(int maxRows, CancellationToken cancellationToken)
    {
        var group = new List<ChangePage<T>>();
        if (!await pages.Reader.WaitToReadAsync(cancellationToken))
        {
            readFailure?.Throw();
            return group;
        }
        var rows = 0;
        while (rows < maxRows && pages.Reader.TryRead(out var page))
        {
            group.Add(page);
            rows += page.Rows.Count;
        }
        return group;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        stop.Dispose();
    }

    private async Task ReadAsync(Func<CancellationToken, IAsyncEnumerable<ChangePage<T>>> read, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in read(cancellationToken).WithCancellation(cancellationToken))
            {
                await pages.Writer.WriteAsync(page, cancellationToken);
            }
        }
        catch (Exception e)
        {
            // Kept as thrown (type and stack), so the run reports it exactly as if the writer had read the page itself.
            readFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            pages.Writer.Complete();
        }
    }
}
