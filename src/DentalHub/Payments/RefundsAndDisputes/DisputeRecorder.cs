using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments.RefundsAndDisputes;

/// <summary>
/// Records card disputes, upserted by dispute id: the newest report sets the current state, every status
/// seen is kept. Disputes are never written to the PMS; accounting takes them from the payout.
/// </summary>
public sealed class DisputeRecorder(TimeProvider time)
{
    public async Task<EventOutcome> RecordAsync(DentalHubDb db, ProcessorDispute dispute, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await db.PaymentDisputes.FirstOrDefaultAsync(d => d.DisputeId == dispute.DisputeId, cancellationToken);
        if (stored is null)
        {
            stored = new PaymentDispute { PracticeId = db.Tenant.PracticeId!.Value, DisputeId = dispute.DisputeId, Currency = "", ReceivedAt = now };
            db.PaymentDisputes.Add(stored);
            Apply(stored, dispute, reportedAt);
        }
        else if (reportedAt >= stored.AsOf)
        {
            Apply(stored, dispute, reportedAt);
        }
        await ChangeHistory.AddOnceAsync(db, ChangeSubject.Dispute, dispute.DisputeId, dispute.ChargeId, dispute.Status.ToString(), dispute.Amount, reportedAt, now, cancellationToken);
        return new EventOutcome(await ChangeHistory.AttachmentAsync(db, dispute.ChargeId, $"Dispute ({dispute.Status})", cancellationToken));
    }

    private static void Apply(PaymentDispute stored, ProcessorDispute dispute, DateTimeOffset reportedAt)
    {
        stored.PaymentReference ??= dispute.ChargeId;
        stored.Amount = dispute.Amount;
        stored.Currency = dispute.Currency.ToUpperInvariant();
        stored.Status = dispute.Status;
        stored.Reason = dispute.Reason is { Length: > 64 } reason ? reason[..64] : dispute.Reason;
        stored.Fee = dispute.Fee;
        stored.Net = dispute.Net;
        stored.AsOf = reportedAt;
    }
}
