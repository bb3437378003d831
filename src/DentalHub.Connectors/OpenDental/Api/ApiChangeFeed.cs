using System.Runtime.CompilerServices;
using System.Text.Json;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>An item of a list endpoint that carries the office's clock, <c>serverDateTime</c>, as the change-filtered lists do.</summary>
internal interface IServerTimed
{
    string? ServerDateTime { get; }
}

/// <summary>
/// One resource read through Open Dental's API: <c>GET /{path}?{stampParameter}=</c> (DateTStamp or
/// SecDateTEdit), paged with Limit/Offset until a short page. Offsets cannot be resumed safely (results
/// are unsorted and shift as records change), so every page but the last carries the cursor this read
/// started from: a read stopped half-way starts over, repeating rows but never skipping any. The last
/// page carries the earliest serverDateTime of this read, so anything changed after the first request
/// is asked for again next time. An endpoint without a change filter (<paramref name="stampParameter"/>
/// null) is read whole every run; its records are few and unchanged ones cost the hub no write.
/// Some endpoints document no serverDateTime (inssubs, claims: "returns all ... on or after this date"); for
/// those, <paramref name="changeStamp"/> reads each item's own stamp and the next read starts from the newest
/// stamp of the first page (stamped before the read began), re-reading that second (it may still gain rows)
/// rather than risking a row stamped in it later.
/// </summary>
/// <param name="include">Which items are records of this resource (appointments leave out patient notes); all when null.</param>
/// <param name="json">How the items are read, when not as patients are (<see cref="ApiPatient.Json"/>).</param>
internal sealed class ApiChangeFeed<TWire, T>(
    OpenDentalApiClient client, string path, string? stampParameter, string what, Func<TWire, T> map,
    IReadOnlyList<KeyValuePair<string, string>>? filter = null, Func<TWire, bool>? include = null, JsonSerializerOptions? json = null,
    Func<TWire, string?>? changeStamp = null)
    : IChangeFeed<T> where T : IPmsRecord where TWire : IServerTimed
{
    /// <summary>The API has no count; progress is shown without a total.</summary>
    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async IAsyncEnumerable<ChangePage<T>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = stampParameter is null ? ApiCursor.Everything : ApiCursor.Parse(cursor);
        var query = new List<KeyValuePair<string, string>>(filter ?? []);
        if (stampParameter is not null && start.DateTStampParameter is { } since)
        {
            query.Add(new(stampParameter, since));
        }
        DateTime? readStartedAt = null;
        DateTime? newestStamp = null;
        List<T>? held = null;
        for (var offset = 0; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await client.GetListAsync<TWire>(path, query, offset, what, cancellationToken, json);
            readStartedAt = Earliest(readStartedAt, rows);
            if (offset == 0)
            {
                // Only the first request's rows were all stamped before the read began; a later page may hold
                // a row edited mid-read while another, shifted by that edit, was skipped.
                newestStamp = Newest(rows);
            }
            var records = rows.Where(r => include?.Invoke(r) ?? true).Select(map).ToList();
            if (rows.Count < OpenDentalApiClient.PageLimit)
            {
                var next = new ApiCursor(readStartedAt ?? Later(start.ServerTime, newestStamp)).ToSyncCursor();
                if (held is not null)
                {
                    yield return new ChangePage<T>(held, records.Count == 0 ? next : start.ToSyncCursor());
                }
                if (records.Count > 0)
                {
                    yield return new ChangePage<T>(records, next);
                }
                yield break;
            }
            // Held back one page so that the last page with rows can carry the new cursor.
            if (held is not null)
            {
                yield return new ChangePage<T>(held, start.ToSyncCursor());
            }
            held = records;
            offset += rows.Count;
        }
    }

    private DateTime? Newest(IReadOnlyList<TWire> rows)
    {
        if (changeStamp is null)
        {
            return null;
        }
        DateTime? current = null;
        foreach (var row in rows)
        {
            if (ApiCursor.ParseWire(changeStamp(row)) is { } stamp && (current is null || stamp > current))
            {
                current = stamp;
            }
        }
        return current;
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    // Without serverDateTime (older versions) the read keeps its starting cursor: repeated next time, never skipped.
    private static DateTime? Earliest(DateTime? current, IReadOnlyList<TWire> rows)
    {
        foreach (var row in rows)
        {
            if (ApiCursor.ParseWire(row.ServerDateTime) is { } serverTime && (current is null || serverTime < current))
            {
                current = serverTime;
            }
        }
        return current;
    }
}
