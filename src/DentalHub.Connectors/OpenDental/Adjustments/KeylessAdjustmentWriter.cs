using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Adjustments;

/// <summary>A database-mode connection without API keys: Open Dental accepts adjustments only through its API.</summary>
internal sealed class KeylessAdjustmentWriter : IWritesAdjustments
{
    public static KeylessAdjustmentWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(AdjustmentMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(AdjustmentMessages.NeedsKeys));

    public Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<PmsAdjustmentType>>(new OpenDentalApiException(AdjustmentMessages.NeedsKeys));
}
