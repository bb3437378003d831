using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Coverages through the API: <c>GET /patplans</c> read whole (it filters only by patient or subscription),
/// each page joined with the subscriptions of <c>GET /inssubs</c>, read whole once for the read. A run costs
/// about (patplans + inssubs) / 100 requests. The API reports no deletions, so a dropped coverage is found by the
/// hub's daily full read, which marks what it no longer finds as deleted (database mode finds drops at once in
/// Open Dental's insurance audit log).
/// </summary>
internal sealed class CoverageApiFeed(OpenDentalApiClient client) : IChangeFeed<PmsCoverage>
{
    private readonly ApiChangeFeed<ApiPatPlan, ApiPatPlan> patPlans = new(client, "patplans", null, "patient insurance plans", p => p);

    public Task<int?> CountAsync(CancellationToken cancellationToken) => patPlans.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsCoverage>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<long, ApiInsSub>? subscriptions = null;
        await foreach (var page in patPlans.ReadChangedSince(cursor, cancellationToken))
        {
            subscriptions ??= (await ApiList.ReadAllAsync<ApiInsSub>(client, "inssubs", "insurance subscribers", cancellationToken))
                .GroupBy(s => s.InsSubNum).ToDictionary(g => g.Key, g => g.Last());
            yield return new ChangePage<PmsCoverage>(
                page.Rows.Select(p => p.ToPmsCoverage(subscriptions.GetValueOrDefault(p.InsSubNum))).ToList(), page.NextCursor);
        }
    }
}
