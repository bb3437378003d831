using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The ledger through Open Dental's API. Each table is read the way its endpoint allows (as documented on
/// opendental.com/site/api*.html), all after one cursor: the office's clock (<c>serverDateTime</c> of a
/// one-patient <c>GET /patients/Simple</c>) taken before anything is read, as in <see cref="ApiChangeFeed{TWire, T}"/>.
/// <list type="bullet">
/// <item>Procedures: <c>GET /procedurelogs?DateTStamp=</c>, only what changed. One no longer complete is reported deleted.</item>
/// <item>Paysplits: <c>GET /paysplits</c> (24.4.24+ without PatNum or PayNum) has no change filter, so the whole list
/// is read every run (one request per 100 splits) and only splits whose SecDateTEdit is after the cursor are handed on.</item>
/// <item>Insurance payments and write-offs: <c>GET /claimprocs?Status=</c> (24.4.13+) for Received, Supplemental,
/// CapClaim and CapComplete, whole lists filtered by SecDateTEdit like the splits. A payment taken back leaves
/// these lists, so in API mode its lines are not reported deleted.</item>
/// <item>Adjustments: <c>GET /adjustments</c> needs a PatNum and has no change filter. Rather than one request per
/// patient every run, adjustments are read for the patients whose procedures, splits or claimprocs changed in the
/// same read (every patient with account activity on a first read). An adjustment entered on an account with no
/// other activity since the last read is found when that account next has some.</item>
/// </list>
/// Rows deleted outright (paysplits, adjustments, claimprocs) leave no trace to read, as in database mode (see <c>LedgerQuery</c>).
/// The hub's daily full read finds them (decision 0012). In API mode that read costs what a first read costs: every
/// procedure ever (a request per 100) and a request per patient with account activity for adjustments, once a night.
/// </summary>
internal sealed class ApiLedgerFeed(OpenDentalApiClient client) : IChangeFeed<PmsLedgerEntry>
{
    /// <summary>The claimproc statuses whose money counts in a balance (<see cref="LedgerLines.CountsForBalance"/>), as the API names them.</summary>
    private static readonly string[] PaidStatuses = ["Received", "Supplemental", "CapClaim", "CapComplete"];

    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async IAsyncEnumerable<ChangePage<PmsLedgerEntry>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = ApiCursor.Parse(cursor);
        var since = start.ServerTime - ApiCursor.Overlap;
        var clock = await client.GetPatientsAsync(dateTStamp: null, offset: 0, limit: 1, cancellationToken);
        if (clock.Count == 0)
        {
            // No patients, no ledger.
            yield break;
        }
        // Without serverDateTime (older versions) the read keeps its starting cursor: repeated next time, never skipped.
        var next = new ApiCursor(ApiCursor.ParseWire(clock[0].ServerDateTime) ?? start.ServerTime).ToSyncCursor();
        ChangePage<PmsLedgerEntry>? held = null;
        await foreach (var (rows, deleted) in ChangesAsync(since, cancellationToken))
        {
            // Held back one page so that only the last carries the new cursor: a read stopped half-way starts over.
            if (held is not null)
            {
                yield return held;
            }
            held = new ChangePage<PmsLedgerEntry>(rows, start.ToSyncCursor()) { Deleted = deleted };
        }
        if (held is not null)
        {
            yield return new ChangePage<PmsLedgerEntry>(held.Rows, next) { Deleted = held.Deleted };
        }
    }

    private async IAsyncEnumerable<(List<PmsLedgerEntry> Rows, List<string> Deleted)> ChangesAsync(
        DateTime? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var touched = new SortedSet<long>();
        var page = new Pages();

        var procedureFilter = new List<KeyValuePair<string, string>>();
        if (since is { } changedSince)
        {
            procedureFilter.Add(new("DateTStamp", changedSince.ToString(ApiCursor.WireFormat, CultureInfo.InvariantCulture)));
        }
        await foreach (var procedure in ListAsync<ApiProcedureLog>("procedurelogs", procedureFilter, "procedures", cancellationToken))
        {
            touched.Add(procedure.PatNum);
            if (page.Add(procedure.ToLines()) is { } full)
            {
                yield return full;
            }
        }
        if (page.Flush() is { } procedures)
        {
            yield return procedures;
        }

        await foreach (var split in ListAsync<ApiPaySplit>("paysplits", [], "payment splits", cancellationToken))
        {
            if (ApiLedgerWire.ChangedAfter(split.SecDateTEdit, since))
            {
                touched.Add(split.PatNum);
                if (page.Add(RowChanges<PmsLedgerEntry>.Of(split.ToLine())) is { } full)
                {
                    yield return full;
                }
            }
        }
        if (page.Flush() is { } splits)
        {
            yield return splits;
        }

        // Versions before the Status filter answer every claimproc to each request: each is handed on once.
        var seenClaimProcs = new HashSet<long>();
        foreach (var status in PaidStatuses)
        {
            await foreach (var claimProc in ListAsync<ApiClaimProc>("claimprocs", [new("Status", status)], "claim procedures", cancellationToken))
            {
                if (ApiLedgerWire.ChangedAfter(claimProc.SecDateTEdit, since) && seenClaimProcs.Add(claimProc.ClaimProcNum))
                {
                    touched.Add(claimProc.PatNum);
                    if (page.Add(claimProc.ToLines()) is { } full)
                    {
                        yield return full;
                    }
                }
            }
        }
        if (page.Flush() is { } claimProcs)
        {
            yield return claimProcs;
        }

        foreach (var patNum in touched.Where(p => p > 0))
        {
            var filter = new List<KeyValuePair<string, string>> { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
            await foreach (var adjustment in ListAsync<ApiAdjustment>("adjustments", filter, "adjustments", cancellationToken))
            {
                if (ApiLedgerWire.ChangedAfter(adjustment.SecDateTEdit, since) && page.Add(RowChanges<PmsLedgerEntry>.Of(adjustment.ToLine())) is { } full)
                {
                    yield return full;
                }
            }
        }
        if (page.Flush() is { } adjustments)
        {
            yield return adjustments;
        }
    }

    private IAsyncEnumerable<T> ListAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> filter, string what, CancellationToken cancellationToken) =>
        ApiList.ItemsAsync<T>(client, path, filter, what, ApiLedgerWire.Json, cancellationToken);

    /// <summary>Lines gathered into pages of at most one API page's worth, one table per page.</summary>
    private sealed class Pages
    {
        private List<PmsLedgerEntry> rows = [];
        private List<string> deleted = [];

        public (List<PmsLedgerEntry>, List<string>)? Add(RowChanges<PmsLedgerEntry> changes)
        {
            rows.AddRange(changes.Records);
            deleted.AddRange(changes.Deleted);
            return rows.Count + deleted.Count >= OpenDentalApiClient.PageLimit ? Flush() : null;
        }

        public (List<PmsLedgerEntry>, List<string>)? Flush()
        {
            if (rows.Count + deleted.Count == 0)
            {
                return null;
            }
            var page = (rows, deleted);
            rows = [];
            deleted = [];
            return page;
        }
    }
}
