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
}
