using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Payments;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// A system NexHealth writes payments to (its parity: Dentrix, Dentrix Enterprise, Eaglesoft, Open Dental). On Dentrix Ascend,
/// Curve and the others the connector has no <see cref="IWritesPayments"/>, so nothing is offered or attempted there.
/// </summary>
internal sealed class NexHealthLedgerConnector(NexHealthPms pms, NexHealthClient reads, NexHealthClient checks, NexHealthClient writes, TimeProvider time)
    : NexHealthInsuredConnector(pms, reads, checks, time), IWritesPayments
{
    private readonly NexHealthPayments payments = new(pms, reads, writes);

    public async Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
    {
        // Nothing is sent until NexHealth confirms the system and that it writes to it now; a read failing here never fails the write.
        if (await BeforeWriteAsync(cancellationToken) is { } notNow)
        {
            return notNow;
        }
        return await payments.WriteAsync(payment, WaitingText, cancellationToken);
    }

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.FindAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        payments.ReadTypesAsync(cancellationToken);
}
