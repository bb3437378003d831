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
    DentalHubDbFactory databases, PaymentIntake intake, RefundRecorder refunds, DisputeRecorder disputes, Payouts.PayoutEvents payouts, TimeProvider time)
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
            ProcessorFeeUpdate update => await UpdateFeeAsync(db, receiver, update, cancellationToken),
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
            null), cancellationToken);
        return new EventOutcome(result.Created ? $"Payment {result.Payment.Id} recorded." : "Payment already recorded.");
    }

    private static async Task<EventOutcome> UpdateFeeAsync(DentalHubDb db, IReceivesPaymentEvents receiver, ProcessorFeeUpdate update, CancellationToken cancellationToken)
    {
        var settlement = update.Settlement;
        if (settlement is null && receiver is IReadsPaymentSettlements settlements)
        {
            settlement = await settlements.ReadSettlementAsync(update.BalanceTransactionId, cancellationToken);
        }
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.ProcessorReference == update.ChargeId, cancellationToken);
        if (payment is null || settlement is null)
        {
            return new EventOutcome("No payment or fee to update.");
        }
        payment.Fee = settlement.Fee;
        payment.Net = payment.Gross - settlement.Fee;
        return new EventOutcome("Fee updated.");
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
