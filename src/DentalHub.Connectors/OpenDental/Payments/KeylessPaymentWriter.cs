using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>A database-mode connection without API keys: Open Dental accepts payments only through its API.</summary>
internal sealed class KeylessPaymentWriter : IWritesPayments
{
    public static KeylessPaymentWriter Instance { get; } = new();

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(PaymentMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(PaymentMessages.NeedsKeys));

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<PmsPaymentType>>(new OpenDentalApiException(PaymentMessages.NeedsKeys));
}
