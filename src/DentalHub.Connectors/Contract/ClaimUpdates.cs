namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can change where an insurance claim stands in the PMS (sent, received, back in the queue, on hold).
/// A claim has no field for our reference, so a change is found again by reading the claim and seeing it already as
/// wanted; and it is written only over the status staff saw, so a claim someone moved in the PMS since is refused,
/// never overwritten. Sending the same change twice leaves the claim as once would.
/// </summary>
public interface IWritesClaimUpdates
{
    /// <summary>Sends one change. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken);

    /// <summary>Reads the claim: found when it already stands as the change wants it.</summary>
    Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken);
}

/// <summary>
/// A change to a claim. <see cref="Reference"/> is ours, unique per change. <see cref="Expected"/> is the status the
/// hub showed when the change was asked for. <see cref="Date"/> is the day sent for <see cref="PmsClaimStatus.Sent"/>,
/// the day received for <see cref="PmsClaimStatus.Received"/>, and null for the others.
/// </summary>
public sealed record PmsClaimUpdate(
    string Reference,
    string PmsPatientId,
    string ClaimPmsId,
    PmsClaimStatus Expected,
    PmsClaimStatus Status,
    DateOnly? Date);
