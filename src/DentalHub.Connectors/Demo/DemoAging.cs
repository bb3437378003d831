using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The sample practice's family balances, aged from its own ledger by the contract's rule (<see cref="LedgerAging"/>,
/// the one the hub ages synced lines with). What insurance is still expected to pay is the estimate of the
/// family's claims not yet received; the patient portion is the rest.
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
                var (aged0To30, aged31To60, aged61To90, agedOver90, total) = LedgerAging.Age(lines[guarantor.PmsId].Select(e => (e.Date, e.Amount)), asOf);
                var insurance = pending[guarantor.PmsId].Sum(c => c.EstimatedPayment);
                return new PmsFamilyBalance(guarantor.PmsId, guarantor.PmsId, aged0To30, aged31To60, aged61To90, agedOver90, total, insurance, total - insurance);
            })
            .ToList();
    }
}
