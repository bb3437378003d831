using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Sync;

/// <summary>
/// One kind of record a connection can sync (patients, appointments, ...): how to find its feed on a
/// connector and how to store a page of it. The runner does the rest (lease, cursor, read-ahead, runs).
/// </summary>
public abstract class SyncResource(string name, string title, int order)
{
    /// <summary>The stored name (<see cref="SyncResources"/>).</summary>
    public string Name => name;

    /// <summary>What people read ("Appointments").</summary>
    public string Title => title;

    /// <summary>Where the resource comes in lists and in a "sync everything" (what others link to first).</summary>
    public int Order => order;

    public abstract bool IsReadBy(IConnector connector);

    /// <summary>Whether the connector's feed of this resource misses some deletions, so a daily full read finds them (decision 0012).</summary>
    public abstract bool HasUntracedDeletions(IConnector connector);

    /// <summary>Reads this resource from the connector under a run the runner recorded, counting into it.</summary>
    internal abstract Task RunWithAsync(SyncRunner runner, SyncRequest request, IConnector connector, ActiveRun run, CancellationToken cancellationToken);
}

/// <summary>A resource whose records are <typeparamref name="TRecord"/>.</summary>
public abstract class SyncResource<TRecord>(string name, string title, int order) : SyncResource(name, title, order)
    where TRecord : IPmsRecord
{
    /// <summary>The connector's feed of this resource, or null when this connection cannot read it.</summary>
    public abstract IChangeFeed<TRecord>? FeedOf(IConnector connector);

    /// <summary>A store for one run: it may keep state across the run's pages (e.g. profiles created so far).</summary>
    public abstract IPageStore<TRecord> CreateStore(SyncRunContext context);

    public override bool IsReadBy(IConnector connector) => FeedOf(connector) is not null;

    public override bool HasUntracedDeletions(IConnector connector) => FeedOf(connector) is { ReportsEveryDeletion: false };

    internal override Task RunWithAsync(SyncRunner runner, SyncRequest request, IConnector connector, ActiveRun run, CancellationToken cancellationToken) =>
        runner.RunAsync(this, FeedOf(connector)!, request, run, cancellationToken);
}

/// <summary>Stores pages of one resource inside the runner's transaction, set-wise.</summary>
public interface IPageStore<TRecord>
{
    /// <summary>Settings for one sync transaction, before its first page is looked up and written.</summary>
    Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken);

    Task<PageCounts> StoreAsync(DentalHubDb db, IDbContextTransaction transaction, ChangePage<TRecord> page, CancellationToken cancellationToken);

    /// <summary>Brings the query planner's statistics of the resource's tables up to date after a bulk of writes.</summary>
    Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken);
}

/// <summary>
/// A store that can tell which of its records a complete read of the PMS did not return, so a daily full read of a
/// feed that cannot report every deletion (<see cref="IChangeFeed{T}.ReportsEveryDeletion"/>) marks them deleted.
/// </summary>
public interface IFindsUnseenRecords
{
    /// <summary>The ids this connection holds for the resource (stored and not deleted, or failed) that are not in <paramref name="seen"/>.</summary>
    Task<UnseenRecords> UnseenAsync(DentalHubDb db, IReadOnlySet<string> seen, CancellationToken cancellationToken);
}

/// <param name="Held">How many records the hub held (stored and not deleted) before the sweep.</param>
public sealed record UnseenRecords(IReadOnlyList<string> Ids, int Held);

/// <summary>What a store knows of the run it serves.</summary>
/// <param name="SystemName">How messages name the system behind this connection ("Open Dental", "Dentrix").</param>
public sealed record SyncRunContext(
    Guid PracticeId,
    Guid ConnectionId,
    string SystemName,
    TimeZoneInfo TimeZone,
    DateOnly PracticeToday,
    DatabaseProvider Provider,
    TimeProvider Time);

/// <summary>What storing one page did, added to the run's counts.</summary>
public readonly record struct PageCounts(int Read, int Created, int Updated, int Unchanged, int Failed, int Warnings, int Deleted)
{
    public PageCounts Plus(PageCounts other) => new(Read + other.Read, Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged,
        Failed + other.Failed, Warnings + other.Warnings, Deleted + other.Deleted);
}

/// <summary>Which sync to run.</summary>
public sealed record SyncRequest(Connections.Connection Connection, Tenancy.Practice Practice, string Resource, SyncTrigger Trigger, string SystemName);
