using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Payments;
using DentalHub.Tenancy;

namespace DentalHub.Payouts;

/// <summary>
/// A processor's payout events: once the processor reports a paid automatic payout reconciled, its balance
/// transactions are read and its deposit planned; a payout that fails after it was paid is reversed.
/// </summary>
public sealed class PayoutEvents(PayoutIntake intake, PayoutReversal reversal)
{
    public async Task<EventOutcome> HandleAsync(TenantScope tenant, Connection connection, IReceivesPaymentEvents receiver, ProcessorPayout payout, CancellationToken cancellationToken)
    {
        if (payout.Status is PayoutStatus.Failed or PayoutStatus.Canceled)
        {
            return new EventOutcome(await reversal.ReverseAsync(tenant, connection.Id, payout, cancellationToken));
        }
        if (payout.Status != PayoutStatus.Paid)
        {
            return new EventOutcome($"Payout {payout.PayoutId} is not paid yet; it is recorded once it is.");
        }
        IReadOnlyList<IncomingPayoutItem>? items;
        string? waiting;
        try
        {
            (items, waiting) = await ItemsAsync(receiver, payout, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ConnectorConfigurationException)
        {
            // Answered 503, so the processor sends the event again later.
            return new EventOutcome($"The payout's lines could not be read from Stripe ({e.Message}); send this event again later.", Retry: true);
        }
        var (recorded, result) = await intake.RecordAsync(tenant, new IncomingPayout(
            payout.PayoutId, "stripe", connection.Id, payout.ArrivalDate, payout.Currency, payout.Amount, items, waiting, HoldWithoutItems: !payout.Automatic), cancellationToken);
        return new EventOutcome($"Payout {payout.PayoutId}: {result}, {recorded.Status}.");
    }

    private static async Task<(IReadOnlyList<IncomingPayoutItem>? Items, string? Waiting)> ItemsAsync(
        IReceivesPaymentEvents receiver, ProcessorPayout payout, CancellationToken cancellationToken)
    {
        if (!payout.Automatic)
        {
            return (null, "This payout was made by hand in Stripe, and Stripe cannot say which payments it carries. Send its lines through the API (POST /api/v1/payouts) or record it in QuickBooks by hand.");
        }
        if (payout.Reconciliation != PayoutReconciliation.Completed)
        {
            return (null, "Waiting for Stripe to finish reconciling the payout; its lines are read as soon as it has.");
        }
        if (receiver is not IReadsPaymentSettlements settlements)
        {
            return (null, "This connection cannot read the payout's lines.");
        }
        var rows = new List<ProcessorSettlement>();
        await foreach (var row in settlements.ReadPayoutSettlementsAsync(payout.PayoutId, cancellationToken))
        {
            rows.Add(row);
        }
        return (PayoutItems.FromSettlements(rows, payout.PayoutId), null);
    }
}
