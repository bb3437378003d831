using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments.RefundsAndDisputes;

/// <summary>Adds a history row unless the same status and amount of the same refund or dispute is already there.</summary>
internal static class ChangeHistory
{
    public static async Task AddOnceAsync(DentalHubDb db, ChangeSubject subject, string externalId, string? paymentReference,
        string status, decimal amount, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = await db.RefundOrDisputeChanges.AnyAsync(
            c => c.Subject == subject && c.ExternalId == externalId && c.Status == status && c.Amount == amount, cancellationToken);
        if (!seen)
        {
            db.RefundOrDisputeChanges.Add(new RefundOrDisputeChange
            {
                PracticeId = db.Tenant.PracticeId!.Value, Subject = subject, ExternalId = externalId, PaymentReference = paymentReference,
                Status = status, Amount = amount, At = at, ReceivedAt = now,
            });
        }
    }

    public static async Task<string> AttachmentAsync(DentalHubDb db, string? paymentReference, string what, CancellationToken cancellationToken) =>
        paymentReference is not null && await db.Payments.AnyAsync(p => p.ProcessorReference == paymentReference, cancellationToken)
            ? $"{what} recorded against its payment."
            : $"{what} kept; its payment is not known yet and it belongs to it as soon as it arrives.";
}
