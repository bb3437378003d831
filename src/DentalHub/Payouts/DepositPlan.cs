using DentalHub.Bookkeeping;
using DentalHub.Connectors.Contract;
using DentalHub.Payments;

namespace DentalHub.Payouts;

/// <summary>What planning a payout's deposit gave: a deposit to send, or why it is held.</summary>
public abstract record DepositPlan
{
    private DepositPlan()
    {
    }

    public sealed record Ready(DepositWrite Deposit) : DepositPlan;

    /// <param name="Difference">Net minus the lines' sum when that is why; null for other reasons.</param>
    public sealed record Held(string Reason, decimal? Difference = null) : DepositPlan;
}

/// <summary>
/// Turns a payout's items into one deposit: gross per payment source on positive lines, fees per kind on
/// negative lines, refunds, disputes and other adjustments on lines of their own. The lines must add up
/// to the payout's net to the cent, or nothing is sent.
/// </summary>
public static class DepositPlanner
{
    public static DepositPlan Plan(Payout payout, IReadOnlyDictionary<string, string> accounts)
    {
        if (payout.Items.Count == 0)
        {
            return new DepositPlan.Held("The payout has no lines yet, so there is nothing to itemize.");
        }
        if (LinesOff(payout) is { } itemsOff)
        {
            return itemsOff;
        }
        var lines = new List<DepositLine>();
        var missing = new List<string>();
        void Add(string role, decimal amount, string description)
        {
            if (amount == 0m)
            {
                return;
            }
            if (accounts.GetValueOrDefault(role) is { Length: > 0 } account)
            {
                lines.Add(new DepositLine(account, amount, description));
            }
            else if (!missing.Contains(role))
            {
                missing.Add(role);
            }
        }
        foreach (var group in payout.Items.Where(i => i.Category == PayoutItemCategory.Charge).GroupBy(i => i.SourceType ?? PaymentSource.Portal).OrderBy(g => g.Key))
        {
            Add(AccountRoles.Gross(group.Key), group.Sum(i => i.Gross), $"Gross {SourceText.Of(group.Key)} payments ({group.Count()})");
        }
        Add(AccountRoles.Refunds, Gross(payout, PayoutItemCategory.Refund), "Refunds");
        Add(AccountRoles.Disputes, Gross(payout, PayoutItemCategory.Dispute), "Disputes (chargebacks and reversals)");
        Add(AccountRoles.Adjustments, Gross(payout, PayoutItemCategory.Adjustment), "Other adjustments");
        Add(AccountRoles.Fees, -Fee(payout, PayoutItemCategory.Charge), "Processing fees");
        Add(AccountRoles.Fees, -Fee(payout, PayoutItemCategory.Refund), "Fees on refunds");
        Add(AccountRoles.Fees, -Fee(payout, PayoutItemCategory.Dispute), "Dispute fees");
        Add(AccountRoles.Fees, Gross(payout, PayoutItemCategory.Fee) - Fee(payout, PayoutItemCategory.Fee) - Fee(payout, PayoutItemCategory.Adjustment), "Other processor fees");
        if (missing.Count > 0)
        {
            return new DepositPlan.Held($"No account is mapped for: {string.Join(", ", missing.Select(AccountRoles.Label))}. Open Map accounts and choose one.");
        }
        if (Difference(payout.NetAmount, lines.Sum(l => l.Amount), payout.Currency) is { } linesOff)
        {
            return linesOff;
        }
        if (payout.NetAmount <= 0m)
        {
            return new DepositPlan.Held("The payout is not money in (its net is zero or less), so it is not a deposit. Record it in QuickBooks by hand.");
        }
        if (accounts.GetValueOrDefault(AccountRoles.Deposit) is not { Length: > 0 } bank)
        {
            return new DepositPlan.Held($"No account is mapped for: {AccountRoles.Label(AccountRoles.Deposit)}. Open Map accounts and choose one.");
        }
        return new DepositPlan.Ready(new DepositWrite(
            payout.ProcessorPayoutId,
            RequestId(payout),
            payout.ArrivalDate,
            bank,
            payout.Currency,
            $"{ProcessorName(payout)} payout {payout.ProcessorPayoutId} arriving {payout.ArrivalDate:yyyy-MM-dd}",
            lines));
    }

    /// <summary>Why the payout is held when its lines' net does not add up to what the bank receives; null when it does.</summary>
    public static DepositPlan.Held? LinesOff(Payout payout) => Difference(payout.NetAmount, payout.Items.Sum(i => i.Net), payout.Currency);

    /// <summary>
    /// QuickBooks replays the first answer to a requestid, so a fixed payload needs a new one: our payout id
    /// plus the plan version (at most 50 characters).
    /// </summary>
    public static string RequestId(Payout payout) => $"dhpo-{payout.Id:N}-{payout.PlanVersion}";

    private static DepositPlan.Held? Difference(decimal net, decimal sum, string currency) => net == sum ? null : new DepositPlan.Held(
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The lines add up to {sum:0.00} {currency} but the bank receives {net:0.00} {currency} (a difference of {net - sum:0.00}); nothing was sent. Check the payout's lines with the processor's report."),
        net - sum);

    private static decimal Gross(Payout payout, PayoutItemCategory category) => payout.Items.Where(i => i.Category == category).Sum(i => i.Gross);

    private static decimal Fee(Payout payout, PayoutItemCategory category) => payout.Items.Where(i => i.Category == category).Sum(i => i.Fee);

    private static string ProcessorName(Payout payout) => payout.Processor == "stripe" ? "Stripe" : "Card";
}
