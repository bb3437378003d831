using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Plans through the API: <c>GET /insplans</c> read whole (it has no change filter), each page joined with
/// the carriers, employers and benefits read once for the whole read. A run costs about
/// (plans + carriers + employers + benefits) / 100 requests; unchanged plans cost the hub no write.
/// </summary>
internal sealed class InsurancePlanApiFeed(OpenDentalApiClient client) : IChangeFeed<PmsInsurancePlan>
{
    private readonly ApiChangeFeed<ApiInsPlan, ApiInsPlan> plans = new(client, "insplans", null, "insurance plans", p => p);

    public Task<int?> CountAsync(CancellationToken cancellationToken) => plans.CountAsync(cancellationToken);

    public async IAsyncEnumerable<ChangePage<PmsInsurancePlan>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        InsurancePlanLookups? lookups = null;
        await foreach (var page in plans.ReadChangedSince(cursor, cancellationToken))
        {
            lookups ??= await InsurancePlanLookups.ReadAsync(client, cancellationToken);
            yield return new ChangePage<PmsInsurancePlan>(page.Rows.Select(p => p.ToPmsInsurancePlan(lookups)).ToList(), page.NextCursor);
        }
    }
}
