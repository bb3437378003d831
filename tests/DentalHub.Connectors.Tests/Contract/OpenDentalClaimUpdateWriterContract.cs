using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Claims.ClaimConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Open Dental's claim update writer (API mode) on the API double: the writer contract. A claim has no field for our
/// reference, so each reference of the contract changes a claim of its own, and what the office holds of a reference
/// is the changes applied to that claim.
/// </summary>
public sealed class OpenDentalClaimUpdateWriterContract : OpenDentalWriterContract<PmsClaimUpdate, IWritesClaimUpdates>
{
    private readonly Dictionary<string, long> claims = [];

    protected override IWritesClaimUpdates Create(OpenDentalApiTestDouble api, IHttpClientFactory http) => ApiMode(api, http);

    protected override PmsClaimUpdate Accepted(string reference) => Update(ClaimOf(reference), reference: reference);

    /// <summary>A claim the office does not have.</summary>
    protected override PmsClaimUpdate Refused(string reference) => Update(9_999, reference: reference);

    protected override Task<WriteOutcome> SendAsync(IWritesClaimUpdates writer, PmsClaimUpdate write) =>
        writer.WriteClaimUpdateAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(IWritesClaimUpdates writer, PmsClaimUpdate write) =>
        writer.FindWrittenClaimUpdateAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) =>
        claims.TryGetValue(reference, out var claim) ? Api.ClaimChanges.Count(c => c.ClaimNum == claim) : 0;

    protected override void LoseNextAnswerAfterStoring() => Api.ClaimWrites.FailNext(PaymentFault.DropAfterCommit);

    private long ClaimOf(string reference)
    {
        if (!claims.TryGetValue(reference, out var claim))
        {
            claims[reference] = claim = 800 + claims.Count;
            AddClaim(Api, claim);
        }
        return claim;
    }
}
