using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Ledger;

namespace DentalHub.Tests.SampleData;

/// <summary>
/// The Demo PMS computes its family balances itself (the connector library cannot use the hub's
/// <see cref="FamilyAging"/>): they must be exactly what the hub's aging makes of the demo's own ledger lines.
/// </summary>
public sealed class SampleBalancesAgeLikeTheHub
{
    public static TheoryData<string> Days => new() { "2026-03-04", "2026-06-15", "2026-09-08", "2026-12-31", "2027-01-04" };

    [Theory]
    [MemberData(nameof(Days))]
    public void Balances_EveryFamily_EqualTheHubsAgingOfTheDemosLedger(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var practice = DemoPractice.Generate(42);
        var book = DemoBook.For(practice, today);
        var familyOf = practice.Patients.ToDictionary(p => p.PmsId, p => p.GuarantorPmsId ?? p.PmsId);
        var lines = book.LedgerEntries.ToLookup(e => familyOf[e.PatientPmsId!]);
        var pending = book.Claims.Where(c => c.Status != PmsClaimStatus.Received).ToLookup(c => familyOf[c.PatientPmsId!]);

        Assert.Equal(familyOf.Values.Distinct().Count() - practice.ProblemPatientIds.Count, book.Balances.Count);
        Assert.All(book.Balances, b =>
        {
            var aged = FamilyAging.Compute(lines[b.GuarantorPmsId].Select(e => (e.Date, e.Amount)), today);
            Assert.Equal(aged, new AgedBalance(b.Aged0To30, b.Aged31To60, b.Aged61To90, b.AgedOver90, b.Total));
            Assert.Equal(pending[b.GuarantorPmsId].Sum(c => c.EstimatedPayment), b.InsuranceEstimate);
            Assert.Equal(b.Total - b.InsuranceEstimate, b.PatientPortion);
        });
        // The sample shows every kind of balance the profile can: each bucket, and a family in credit.
        Assert.Contains(book.Balances, b => b.Aged0To30 > 0);
        Assert.Contains(book.Balances, b => b.Aged31To60 > 0);
        Assert.Contains(book.Balances, b => b.Aged61To90 > 0);
        Assert.Contains(book.Balances, b => b.AgedOver90 > 0);
        Assert.Contains(book.Balances, b => b.Total < 0 && b.Aged0To30 + b.Aged31To60 + b.Aged61To90 + b.AgedOver90 == 0);
    }
}
