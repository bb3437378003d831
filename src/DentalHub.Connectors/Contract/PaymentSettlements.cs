namespace DentalHub.Connectors.Contract;

/// <summary>
/// A payments connector that can look up how money settled: the fee of one payment (when its event
/// only named the balance transaction) and every movement a payout carried to the bank.
/// </summary>
public interface IReadsPaymentSettlements
{
    /// <summary>One balance transaction; null when the processor does not know it.</summary>
    Task<ProcessorSettlement?> ReadSettlementAsync(string balanceTransactionId, CancellationToken cancellationToken);

    /// <summary>
    /// Every movement in a payout, the payout's own row included (its net is minus the payout amount,
    /// so all rows sum to zero). Complete only once the payout's reconciliation has completed.
    /// </summary>
    IAsyncEnumerable<ProcessorSettlement> ReadPayoutSettlementsAsync(string payoutId, CancellationToken cancellationToken);
}
