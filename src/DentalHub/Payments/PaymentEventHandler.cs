using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments.RefundsAndDisputes;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record EventOutcome(string Text, bool Retry = false);

/// <summary>Turns a verified processor event into payments, once per event id.</summary>
public sealed class PaymentEventHandler(
    DentalHubDbFactory databases, PaymentIntake intake, PaymentChanges changes, RefundRecorder refunds, DisputeRecorder disputes, Payouts.PayoutEvents payouts, TimeProvider time)
{
    public async Task<EventOutcome> HandleAsync(TenantScope tenant, Connection connection, IReceivesPaymentEvents receiver, PaymentEvent received, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await db.PaymentEventReceipts.AnyAsync(r => r.ConnectionId == connection.Id && r.EventId == received.EventId, cancellationToken))
        {
            return new EventOutcome("Already handled.");
        }
        var outcome = received.Payload switch
        {
            ProcessorPayment payment => await RecordPaymentAsync(db, tenant, receiver, payment, cancellationToken),
            ProcessorFeeUpdate update => await UpdateFeeAsync(tenant, receiver, update, cancellationToken),
            ProcessorRefund refund => await refunds.RecordAsync(db, refund, received.CreatedAt, cancellationToken),
            ProcessorChargeRefunded total => await refunds.RecordTotalAsync(db, total, received.CreatedAt, cancellationToken),
            ProcessorDispute dispute => await disputes.RecordAsync(db, dispute, received.CreatedAt, cancellationToken),
            ProcessorPayout payout => await payouts.HandleAsync(tenant, connection, receiver, payout, cancellationToken),
            IgnoredEvent ignored => new EventOutcome($"Ignored: {ignored.Reason}"),
            _ => new EventOutcome($"Received; {received.Type} is recorded but not acted on yet."),
        };
        if (outcome.Retry)
        {
            return outcome;
        }
        db.PaymentEventReceipts.Add(new PaymentEventReceipt
        {
            PracticeId = connection.PracticeId,
            ConnectionId = connection.Id,
            EventId = received.EventId,
            EventType = received.Type,
            Outcome = outcome.Text.Length > 300 ? outcome.Text[..300] : outcome.Text,
            ReceivedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once (the other delivery recorded it), or another event
            // about the same refund or dispute stored it first: then ask the processor to send this again.
            await using var again = databases.Create(tenant);
            if (!await again.PaymentEventReceipts.AnyAsync(r => r.ConnectionId == connection.Id && r.EventId == received.EventId, cancellationToken))
            {
                return new EventOutcome("Another event about the same payment was being stored; send this event again.", Retry: true);
            }
        }
        return outcome;
    }

    private async Task<EventOutcome> RecordPaymentAsync(DentalHubDb db, TenantScope tenant, IReceivesPaymentEvents receiver, ProcessorPayment payment, CancellationToken cancellationToken)
    {
        var settlement = payment.Settlement;
        if (settlement is null && payment.BalanceTransactionId is { } transaction && receiver is IReadsPaymentSettlements settlements)
        {
            // The fee is on the balance transaction, which webhooks do not include: read it now.
            settlement = await settlements.ReadSettlementAsync(transaction, cancellationToken);
            if (settlement is null)
            {
                return new EventOutcome("The processor's fee is not available yet; send this event again later.", Retry: true);
            }
        }
        var patientId = await PatientOfAsync(db, payment.Patient, cancellationToken);
        var result = await intake.RecordAsync(tenant, new IncomingPayment(
            payment.ChargeId,
            "stripe",
            patientId,
            payment.Channel == PaymentChannel.CardPresent ? PaymentSource.CardTerminal : PaymentSource.Portal,
            payment.Amount,
            settlement?.Fee ?? 0m,
            payment.Currency,
            payment.ProcessedAt,
            null,
            // A payment-intent event without its charge may not say where the card was, and has no fee yet:
            // the payment is kept with what is known and its write waits for the charge's events.
            SourceKnown: payment.Channel != PaymentChannel.Unknown,
            FeeKnown: settlement is not null), cancellationToken);
        return result switch
        {
            { Created: true } => new EventOutcome($"Payment {result.Payment.Id} recorded."),
            { Change: PaymentChangeOutcome.Changed } => new EventOutcome($"Payment {result.Payment.Id} completed with this event's details."),
            { Change: PaymentChangeOutcome.TryAgainLater } => TryAgain,
            _ => new EventOutcome("Payment already recorded."),
        };
    }

    private static readonly EventOutcome TryAgain = new("The payment's write to the PMS is under way; send this event again once it has settled.", Retry: true);

    private async Task<EventOutcome> UpdateFeeAsync(TenantScope tenant, IReceivesPaymentEvents receiver, ProcessorFeeUpdate update, CancellationToken cancellationToken)
    {
        var settlement = update.Settlement;
        if (settlement is null && receiver is IReadsPaymentSettlements settlements)
        {
            settlement = await settlements.ReadSettlementAsync(update.BalanceTransactionId, cancellationToken);
        }
        if (settlement is null)
        {
            return new EventOutcome("No fee to update.");
        }
        var change = await changes.ApplyAsync(tenant, p => p.ProcessorReference == update.ChargeId, (payment, _) =>
        {
            if (payment.FeeKnown && payment.Fee == settlement.Fee)
            {
                return Task.FromResult(false);
            }
            payment.Fee = settlement.Fee;
            payment.Net = payment.Gross - settlement.Fee;
            payment.FeeKnown = true;
            return Task.FromResult(true);
        }, record: null, cancellationToken);
        return change.Outcome switch
        {
            PaymentChangeOutcome.NotFound => new EventOutcome("No payment to update."),
            PaymentChangeOutcome.TryAgainLater => TryAgain,
            PaymentChangeOutcome.Changed => new EventOutcome("Fee updated."),
            _ => new EventOutcome("Fee unchanged."),
        };
    }

    private static async Task<Guid?> PatientOfAsync(DentalHubDb db, PaymentPatientHints hints, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(hints.DentalHubPatientId, out var id) && await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return id;
        }
        if (hints.PmsPatientId is { } pmsId)
        {
            var linked = await db.PatientLinks.Where(l => l.PmsId == pmsId).Select(l => l.PatientId).Distinct().ToListAsync(cancellationToken);
            return linked.Count == 1 ? linked[0] : null;
        }
        return null;
    }
}
