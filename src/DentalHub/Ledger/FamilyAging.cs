using DentalHub.Connectors.Contract;

namespace DentalHub.Ledger;

/// <summary>A family's balance aged: what is owed by how long it has been owed, and the balance in all.</summary>
public sealed record AgedBalance(decimal Aged0To30, decimal Aged31To60, decimal Aged61To90, decimal AgedOver90, decimal Total);

/// <summary>
/// Ages a family's synced ledger as of any day, between the PMS's own aging runs, by the contract's one rule
/// (<see cref="LedgerAging"/>: Open Dental's aging). Lines marked deleted are left out; the insurance estimate is
/// not in the ledger: take it from <see cref="FamilyBalance.InsuranceEstimate"/>.
/// </summary>
public static class FamilyAging
{
    public static AgedBalance Compute(IEnumerable<LedgerEntry> entries, DateOnly asOf) =>
        Compute(entries.Where(e => e.DeletedAt is null).Select(e => (e.Date, e.Amount)), asOf);

    public static AgedBalance Compute(IEnumerable<(DateOnly Date, decimal Amount)> lines, DateOnly asOf)
    {
        var (aged0To30, aged31To60, aged61To90, agedOver90, total) = LedgerAging.Age(lines, asOf);
        return new AgedBalance(aged0To30, aged31To60, aged61To90, agedOver90, total);
    }
}
