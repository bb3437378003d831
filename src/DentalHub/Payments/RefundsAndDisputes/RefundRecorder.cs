using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments.RefundsAndDisputes;

/// <summary>
/// Records refunds reported by a processor, upserted by refund id: the newest report sets the current
/// state, every status seen is kept. Adds to the caller's unit of work (the event receipt commits with it).
/// Nothing here queues a writeback: refunds are never written to the PMS.
/// </summary>
public sealed class RefundRecorder(TimeProvider time)
{
    public async Task<EventOutcome> RecordAsync(DentalHubDb db, ProcessorRefund refund, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await db.PaymentRefunds.FirstOrDefaultAsync(r => r.RefundId == refund.RefundId, cancellationToken);
        if (stored is null)
        {
            db.PaymentRefunds.Add(new PaymentRefund
            {
                PracticeId = db.Tenant.PracticeId!.Value, RefundId = refund.RefundId, Processor = "stripe", PaymentReference = refund.ChargeId,
                Amount = refund.Amount, Currency = refund.Currency.ToUpperInvariant(), Status = refund.Status, RefundedAt = refund.CreatedAt,
                AsOf = reportedAt, ReceivedAt = now,
            });
        }
        else if (reportedAt >= stored.AsOf)
        {
            stored.PaymentReference ??= refund.ChargeId;
            stored.Amount = refund.Amount;
            stored.Currency = refund.Currency.ToUpperInvariant();
            stored.Status = refund.Status;
            stored.AsOf = reportedAt;
        }
        await ChangeHistory.AddOnceAsync(db, ChangeSubject.Refund, refund.RefundId, refund.ChargeId, refund.Status.ToString(), refund.Amount, reportedAt, now, cancellationToken);
        return new EventOutcome(await ChangeHistory.AttachmentAsync(db, refund.ChargeId, $"Refund ({refund.Status})", cancellationToken));
    }

    /// <summary>The processor's running total refunded on a payment: kept in the history (even before the payment is known) and shown when larger than the refunds on record.</summary>
    public async Task<EventOutcome> RecordTotalAsync(DentalHubDb db, ProcessorChargeRefunded total, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        await ChangeHistory.AddOnceAsync(db, ChangeSubject.RefundedTotal, total.ChargeId, total.ChargeId, total.FullyRefunded ? "Full" : "Partial",
            total.AmountRefunded, reportedAt, time.GetUtcNow(), cancellationToken);
        return new EventOutcome(await ChangeHistory.AttachmentAsync(db, total.ChargeId, "Refunded total", cancellationToken));
    }
}
