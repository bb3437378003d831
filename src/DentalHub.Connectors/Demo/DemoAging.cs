using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The sample practice's family balances, aged from its own ledger as Open Dental ages (and as the hub's
/// FamilyAging does, which this library cannot reference): every line that raises the balance is a charge aged by
/// its date, 0-30 days before <c>asOf</c>, 31-60, 61-90 or over 90 (later ones in no bucket); every line that lowers
/// it, whatever its date up to <c>asOf</c>, goes into one sum of credits that pays the oldest charges first; the
/// total is every line. A family in credit has every bucket zero and a negative total. What insurance is still
/// expected to pay is the estimate of the family's claims not yet received; the patient portion is the rest.
/// </summary>
public static class DemoAging
{
    public static IReadOnlyList<PmsFamilyBalance> Balances(
        DemoPractice practice, IReadOnlyList<PmsLedgerEntry> ledger, IReadOnlyList<PmsClaim> claims, DateOnly asOf)
    {
        var familyOf = practice.Patients.ToDictionary(p => p.PmsId, p => p.GuarantorPmsId ?? p.PmsId);
        var lines = ledger.ToLookup(e => familyOf[e.PatientPmsId!]);
        var pending = claims.Where(c => c.Status != PmsClaimStatus.Received).ToLookup(c => familyOf[c.PatientPmsId!]);
        return practice.Patients
            .Where(p => familyOf[p.PmsId] == p.PmsId && !practice.ProblemPatientIds.Contains(p.PmsId))
            .Select(guarantor =>
            {
                var (aged0To30, aged31To60, aged61To90, agedOver90, total) = Age(lines[guarantor.PmsId].Select(e => (e.Date, e.Amount)), asOf);
                var insurance = pending[guarantor.PmsId].Sum(c => c.EstimatedPayment);
                return new PmsFamilyBalance(guarantor.PmsId, guarantor.PmsId, aged0To30, aged31To60, aged61To90, agedOver90, total, insurance, total - insurance);
            })
            .ToList();
    }

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
