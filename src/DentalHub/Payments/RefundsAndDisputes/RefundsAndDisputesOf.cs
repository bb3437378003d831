using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments.RefundsAndDisputes;

public sealed record RefundLine(string Reference, decimal Amount, string Currency, RefundStatus Status, DateTimeOffset RefundedAt, string Processor);

public sealed record DisputeLine(string DisputeId, decimal Amount, string Currency, DisputeStatus Status, string? Reason, decimal Fee);

/// <summary>
/// What was given back on one payment: its refunds and disputes. <see cref="Refunded"/> counts refunds
/// that are not failed or canceled, or the processor's own running total when that is larger (a refund
/// whose own event has not arrived yet).
/// </summary>
public sealed record RefundsAndDisputesOf(decimal Refunded, IReadOnlyList<RefundLine> Refunds, IReadOnlyList<DisputeLine> Disputes)
{
    public static RefundsAndDisputesOf None { get; } = new(0m, [], []);

    /// <summary>The dispute staff should see: an open one before a closed one, else the newest.</summary>
    public DisputeLine? Dispute => Disputes.OrderBy(d => IsClosed(d.Status)).FirstOrDefault();

    public static bool Counts(RefundStatus status) => status is not (RefundStatus.Failed or RefundStatus.Canceled);

    private static bool IsClosed(DisputeStatus status) =>
        status is DisputeStatus.Won or DisputeStatus.Lost or DisputeStatus.WarningClosed or DisputeStatus.Prevented;

    /// <summary>Refunds and disputes of the payments with these processor references, in one round of queries.</summary>
    public static async Task<Dictionary<string, RefundsAndDisputesOf>> ForAsync(DentalHubDb db, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return [];
        }
        var refunds = await db.PaymentRefunds.AsNoTracking().Where(r => r.PaymentReference != null && references.Contains(r.PaymentReference)).ToListAsync(cancellationToken);
        var disputes = await db.PaymentDisputes.AsNoTracking().Where(d => d.PaymentReference != null && references.Contains(d.PaymentReference)).ToListAsync(cancellationToken);
        var totals = await db.RefundOrDisputeChanges.AsNoTracking()
            .Where(c => c.Subject == ChangeSubject.RefundedTotal && references.Contains(c.ExternalId)).ToListAsync(cancellationToken);
        var result = new Dictionary<string, RefundsAndDisputesOf>();
        foreach (var reference in refunds.Select(r => r.PaymentReference!).Concat(disputes.Select(d => d.PaymentReference!)).Concat(totals.Select(t => t.ExternalId)).Distinct())
        {
            var own = refunds.Where(r => r.PaymentReference == reference).OrderBy(r => r.RefundedAt).ToList();
            var counted = own.Where(r => Counts(r.Status)).Sum(r => r.Amount);
            var reported = totals.Where(t => t.ExternalId == reference).OrderByDescending(t => t.At).ThenByDescending(t => t.ReceivedAt).Select(t => t.Amount).FirstOrDefault();
            result[reference] = new RefundsAndDisputesOf(
                Math.Max(counted, reported),
                own.Select(r => new RefundLine(r.RefundId, r.Amount, r.Currency, r.Status, r.RefundedAt, r.Processor)).ToList(),
                disputes.Where(d => d.PaymentReference == reference).OrderByDescending(d => d.ReceivedAt)
                    .Select(d => new DisputeLine(d.DisputeId, d.Amount, d.Currency, d.Status, d.Reason, d.Fee)).ToList());
        }
        return result;
    }

    public static async Task<RefundsAndDisputesOf> ForAsync(DentalHubDb db, string reference, CancellationToken cancellationToken) =>
        (await ForAsync(db, [reference], cancellationToken)).GetValueOrDefault(reference) ?? None;
}
