namespace DentalHub.Connectors.Contract;

/// <summary>
/// How a family's ledger lines (signed as <see cref="PmsLedgerEntry"/> says) age, the way Open Dental's aging does
/// (OpenDentBusiness Ledgers.GetAgingQueryString, its default settings). One rule for the hub (aging synced lines
/// between the PMS's own aging runs) and for connectors that compute balances themselves (the Demo PMS):
/// <list type="number">
/// <item>Every line that raises the balance (a positive amount: a charge, a debit adjustment, a refund) is a
/// charge aged by its date: 0-30 days before <c>asOf</c> (inclusive), 31-60, 61-90, over 90. Charges after
/// <c>asOf</c> are in no bucket.</item>
/// <item>Every line that lowers it (payments, insurance payments, write-offs, credit adjustments) up to
/// <c>asOf</c> is added into one sum of credits, whatever its date.</item>
/// <item>The credits pay the oldest charges first: over 90, then 61-90, then 31-60, then 0-30.</item>
/// <item>The total is every line's amount, future-dated ones too. When the credits exceed the charges the
/// family is in credit: every bucket is zero and the total is negative (Open Dental shows it the same way;
/// its schema notes that BalTotal need not be the sum of the buckets because it can be negative).</item>
/// </list>
/// The insurance estimate (pending claims) is not in the ledger.
/// </summary>
public static class LedgerAging
{
    public static (decimal Aged0To30, decimal Aged31To60, decimal Aged61To90, decimal AgedOver90, decimal Total) Age(
        IEnumerable<(DateOnly Date, decimal Amount)> lines, DateOnly asOf)
    {
        decimal over90 = 0, aged61To90 = 0, aged31To60 = 0, aged0To30 = 0, credits = 0, total = 0;
        foreach (var (date, amount) in lines)
        {
            total += amount;
            if (date > asOf || amount == 0)
            {
                continue;
            }
            if (amount < 0)
            {
                credits -= amount;
            }
            else if (date < asOf.AddDays(-90))
            {
                over90 += amount;
            }
            else if (date < asOf.AddDays(-60))
            {
                aged61To90 += amount;
            }
            else if (date < asOf.AddDays(-30))
            {
                aged31To60 += amount;
            }
            else
            {
                aged0To30 += amount;
            }
        }
        over90 = PayOff(over90, ref credits);
        aged61To90 = PayOff(aged61To90, ref credits);
        aged31To60 = PayOff(aged31To60, ref credits);
        aged0To30 = PayOff(aged0To30, ref credits);
        return (aged0To30, aged31To60, aged61To90, over90, total);
    }

    private static decimal PayOff(decimal owed, ref decimal credits)
    {
        var paid = Math.Min(owed, credits);
        credits -= paid;
        return owed - paid;
    }
}
