using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Claims;

/// <summary>A database-mode connection without API keys: Open Dental takes claim updates only through its API.</summary>
internal sealed class KeylessClaimUpdateWriter : IWritesClaimUpdates
{
    public static KeylessClaimUpdateWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(ClaimUpdateMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(ClaimUpdateMessages.NeedsKeys));
}
