using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// One resource read from NexHealth: <c>GET /{path}?updated_since=</c>, <c>per_page</c> at NexHealth's maximum, following
/// <c>page_info.end_cursor</c> while <c>has_next_page</c>, sorted by <c>updated_at</c> where the endpoint sorts, so that a
/// record changed mid-read moves behind the read and is still seen. A page cursor is not kept between syncs (NexHealth does
/// not say how long one lasts), so every page but the last carries the cursor this read started from: a read stopped
/// half-way starts over, repeating records but never skipping one. The last page carries the time NexHealth's server
/// answered the read's first request (its <c>Date</c>) less <see cref="Overlap"/>, so NexHealth's clock, not ours, decides
/// what "since" means; without a Date, the newest <c>updated_at</c> seen (sent back "at or after", so it comes again).
/// A record whose fields cannot be read is handed on with only its id where <paramref name="bare"/> says how (the hub then
/// reports what is missing, naming the system), or left out; a record without a readable id is left out.
/// </summary>
/// <param name="query">The endpoint's own parameters (location, window), asked for each read.</param>
/// <param name="changeFilter">False for an endpoint without <c>updated_since</c>: read whole every run.</param>
/// <param name="ready">Run before the first request of each read: the check that the system behind is the one expected.</param>
/// <param name="deleted">Which records the system deleted (asked for with <c>include_deleted</c>): reported as deleted, not as records.</param>
/// <param name="forbidden">What a 403 means for this resource, when not that the key cannot read it at the location.</param>
internal sealed class NexHealthFeed<TWire, T>(
    NexHealthClient client,
    string path,
    string what,
    Func<IEnumerable<KeyValuePair<string, string>>> query,
    Func<TWire, T?> map,
    Func<CancellationToken, Task> ready,
    bool changeFilter = true,
    bool sortsByUpdatedAt = true,
    bool pages = true,
    Func<NexRecordId, T?>? bare = null,
    Func<TWire, bool>? deleted = null,
    string? forbidden = null) : IChangeFeed<T>
    where TWire : INexRecord where T : class, IPmsRecord
{
    /// <summary>
    /// The Date header has one-second resolution and comes from NexHealth's web server, not the database that stamps
    /// <c>updated_at</c>: reading from a little earlier re-reads a few records (stored idempotently) rather than missing one.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    public async Task<int?> CountAsync(CancellationToken cancellationToken)
    {
        await ready(cancellationToken);
        var (envelope, _) = await client.GetAsync(path, Query(null, pageCursor: null, perPage: 1), what, cancellationToken, Forbidden);
        return envelope.Count;
    }

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = changeFilter ? NexHealthCursor.Parse(cursor) : NexHealthCursor.Everything;
        await ready(cancellationToken);
        var newest = start;
        DateTimeOffset? readStartedAt = null;
        List<T>? held = null;
        List<string>? heldDeletions = null;
        var deletions = new List<string>();
        string? pageCursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (envelope, serverTime) = await client.GetAsync(path, Query(start.Parameter, pageCursor, client.Settings.PageSize), what, cancellationToken, Forbidden);
            readStartedAt ??= serverTime - Overlap;
            var records = new List<T>();
            foreach (var item in envelope.Items)
            {
                var (record, stamp, gone) = Read(item);
                newest = newest.Including(stamp);
                if (record is not null)
                {
                    records.Add(record);
                }
                if (gone is not null)
                {
                    deletions.Add(gone);
                }
            }
            var next = pages && envelope.PageInfo is { HasNextPage: true, EndCursor: { Length: > 0 } end } && end != pageCursor ? end : null;
            if (next is null)
            {
                var last = (readStartedAt is { } startedAt ? new NexHealthCursor(Later(startedAt, start.UpdatedSince)) : newest).ToSyncCursor();
                var hasLast = records.Count > 0 || deletions.Count > 0;
                if (held is not null)
                {
                    yield return new ChangePage<T>(held, hasLast ? start.ToSyncCursor() : last) { Deleted = heldDeletions! };
                }
                if (hasLast)
                {
                    yield return new ChangePage<T>(records, last) { Deleted = deletions };
                }
                yield break;
            }
            // Held back one page so that the last page with records can carry the new cursor.
            if (held is not null)
            {
                yield return new ChangePage<T>(held, start.ToSyncCursor()) { Deleted = heldDeletions! };
            }
            held = records;
            heldDeletions = deletions;
            deletions = [];
            pageCursor = next;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    private string Forbidden => forbidden ?? NexHealthMessages.NoAccessTo(what, client.Settings);

    private (T? Record, string? Stamp, string? Deleted) Read(JsonElement item)
    {
        try
        {
            var wire = item.Deserialize<TWire>(NexEnvelope.Json);
            if (wire is null || wire.Id <= 0)
            {
                return (null, wire?.UpdatedAt, null);
            }
            return deleted?.Invoke(wire) == true
                ? (null, wire.UpdatedAt, wire.Id.ToString(CultureInfo.InvariantCulture))
                : (map(wire), wire.UpdatedAt, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            try
            {
                var id = item.Deserialize<NexRecordId>(NexEnvelope.Json);
                return id is null || id.Id <= 0 ? (null, id?.UpdatedAt, null) : (bare?.Invoke(id), id.UpdatedAt, null);
            }
            catch (Exception inner) when (inner is JsonException or FormatException or InvalidOperationException)
            {
                return (null, null, null);
            }
        }
    }

    private List<KeyValuePair<string, string>> Query(string? updatedSince, string? pageCursor, int perPage)
    {
        var all = new List<KeyValuePair<string, string>>(query());
        if (updatedSince is not null)
        {
            all.Add(new("updated_since", updatedSince));
        }
        if (sortsByUpdatedAt)
        {
            all.Add(new("sort", "updated_at"));
        }
        if (pages)
        {
            all.Add(new("per_page", perPage.ToString(CultureInfo.InvariantCulture)));
        }
        if (pageCursor is not null)
        {
            all.Add(new("end_cursor", pageCursor));
        }
        return all;
    }
}
