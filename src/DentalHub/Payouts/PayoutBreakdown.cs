using DentalHub.Payments;

namespace DentalHub.Payouts;

/// <summary>One group of a payout's lines: every charge of one payment source, or every refund, dispute, fee or adjustment.</summary>
public sealed record PayoutBreakdownLine(string Label, int Count, decimal Gross, decimal Fee, decimal Net);

/// <summary>
/// A payout as a bookkeeper reads it: charges by payment source, then refunds, disputes, fees billed on their own and
/// other adjustments, with totals. <see cref="Difference"/> is the payout's net minus the lines' net: not zero means
/// the lines do not add up to what the bank receives.
/// </summary>
public sealed record PayoutBreakdown(IReadOnlyList<PayoutBreakdownLine> Lines, decimal Gross, decimal Fee, decimal Net, decimal Difference)
{
    public bool AddsUp => Difference == 0m;

    public static PayoutBreakdown Of(Payout payout)
    {
        var lines = payout.Items.Where(i => i.Category == PayoutItemCategory.Charge)
            .GroupBy(i => i.SourceType ?? PaymentSource.Portal).OrderBy(g => g.Key)
            .Select(g => Line($"{SourceText.Label(g.Key)} payments", g))
            .Concat(new[]
                {
                    (PayoutItemCategory.Refund, "Refunds"),
                    (PayoutItemCategory.Dispute, "Disputes"),
                    (PayoutItemCategory.Fee, "Fees billed on their own"),
                    (PayoutItemCategory.Adjustment, "Other adjustments"),
                }
                .Select(c => (c.Item2, Items: payout.Items.Where(i => i.Category == c.Item1).ToList()))
                .Where(c => c.Items.Count > 0)
                .Select(c => Line(c.Item1, c.Items)))
            .ToList();
        var net = payout.Items.Sum(i => i.Net);
        return new PayoutBreakdown(lines, payout.Items.Sum(i => i.Gross), payout.Items.Sum(i => i.Fee), net, payout.Items.Count == 0 ? 0m : payout.NetAmount - net);
    }

    private static PayoutBreakdownLine Line(string label, IEnumerable<PayoutItem> items)
    {
        var list = items.ToList();
        return new PayoutBreakdownLine(label, list.Count, list.Sum(i => i.Gross), list.Sum(i => i.Fee), list.Sum(i => i.Net));
    }
}
