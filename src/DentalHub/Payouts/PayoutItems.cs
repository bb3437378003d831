using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>A payout line as it arrives, before it is matched to our payments.</summary>
public sealed record IncomingPayoutItem(PayoutItemCategory Category, string? SourceId, decimal Gross, decimal Fee, PaymentSource? SourceType = null);

/// <summary>Turns processor balance transactions into payout items, and finds each charge's payment source.</summary>
public static class PayoutItems
{
    /// <summary>Every movement but the payout's own row (its net is minus the payout amount).</summary>
    public static IReadOnlyList<IncomingPayoutItem> FromSettlements(IEnumerable<ProcessorSettlement> settlements, string payoutId) => settlements
        .Where(s => s.ReportingCategory != "payout" && s.SourceId != payoutId)
        .Select(s => new IncomingPayoutItem(CategoryOf(s.ReportingCategory), s.SourceId, s.Amount, s.Fee))
        .ToList();

    public static PayoutItemCategory CategoryOf(string? reportingCategory) => reportingCategory switch
    {
        "charge" or "payment" => PayoutItemCategory.Charge,
        "refund" or "refund_failure" or "partial_capture_reversal" => PayoutItemCategory.Refund,
        "dispute" or "dispute_reversal" => PayoutItemCategory.Dispute,
        "fee" or "stripe_fee" or "tax" or "network_cost" or "application_fee" => PayoutItemCategory.Fee,
        _ => PayoutItemCategory.Adjustment,
    };

    /// <summary>
    /// Items for the payout, each charge with the source of our payment of the same charge id; a charge we
    /// never recorded is counted as an online (portal) payment, the processor's default.
    /// </summary>
    public static async Task<List<PayoutItem>> MatchAsync(DentalHubDb db, Payout payout, IReadOnlyList<IncomingPayoutItem> incoming, CancellationToken cancellationToken)
    {
        var chargeIds = incoming.Where(i => i.Category == PayoutItemCategory.Charge && i.SourceId is not null).Select(i => i.SourceId!).Distinct().ToList();
        var sources = new Dictionary<string, PaymentSource>();
        foreach (var chunk in chargeIds.Chunk(500))
        {
            foreach (var found in await db.Payments.AsNoTracking().Where(p => chunk.Contains(p.ProcessorReference))
                .Select(p => new { p.ProcessorReference, p.Source }).ToListAsync(cancellationToken))
            {
                sources[found.ProcessorReference] = found.Source;
            }
        }
        return incoming.Select(i => new PayoutItem
        {
            PracticeId = payout.PracticeId,
            PayoutId = payout.Id,
            Category = i.Category,
            SourceId = i.SourceId,
            Gross = i.Gross,
            Fee = i.Fee,
            Net = i.Gross - i.Fee,
            SourceType = i.Category != PayoutItemCategory.Charge
                ? null
                : i.SourceType ?? (i.SourceId is { } id && sources.TryGetValue(id, out var source) ? source : PaymentSource.Portal),
        }).ToList();
    }
}
