namespace DentalHub.Connectors.Contract;

/// <summary>A record read from a PMS, known there by its id.</summary>
public interface IPmsRecord
{
    string PmsId { get; }
}

/// <summary>
/// A change-based, paged read of one kind of record: everything on the first read (no cursor), then only
/// what changed. A connector hands one out per resource it can read (<see cref="IReadsAppointments"/>, ...).
/// </summary>
public interface IChangeFeed<TRecord> where TRecord : IPmsRecord
{
    /// <summary>
    /// Pages of records changed since <paramref name="cursor"/> (everything when null). Each page carries the
    /// cursor to resume from once that page has been stored.
    /// </summary>
    IAsyncEnumerable<ChangePage<TRecord>> ReadChangedSince(SyncCursor? cursor, CancellationToken cancellationToken);

    /// <summary>How many records a full read would return, for progress; null when unknown.</summary>
    Task<int?> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether every record the PMS deletes comes back in <see cref="ChangePage{T}.Deleted"/>. A feed over rows the
    /// PMS can delete outright, leaving nothing to read, says no (<see cref="ChangeFeeds.WithUntracedDeletions{T}"/>):
    /// the hub then reads the whole resource again once a day and marks what it no longer finds as deleted.
    /// </summary>
    bool ReportsEveryDeletion => true;
}

public static class ChangeFeeds
{
    /// <summary>The same feed, saying that some deletions in the PMS leave no trace it can report.</summary>
    public static IChangeFeed<TRecord> WithUntracedDeletions<TRecord>(this IChangeFeed<TRecord> feed) where TRecord : IPmsRecord =>
        new FeedWithUntracedDeletions<TRecord>(feed);

    private sealed class FeedWithUntracedDeletions<TRecord>(IChangeFeed<TRecord> feed) : IChangeFeed<TRecord> where TRecord : IPmsRecord
    {
        public IAsyncEnumerable<ChangePage<TRecord>> ReadChangedSince(SyncCursor? cursor, CancellationToken cancellationToken) =>
            feed.ReadChangedSince(cursor, cancellationToken);

        public Task<int?> CountAsync(CancellationToken cancellationToken) => feed.CountAsync(cancellationToken);

        public bool ReportsEveryDeletion => false;
    }
}
