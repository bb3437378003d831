using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Demo;

/// <summary>The sample practice's plans, coverages and claims: what the profile's coverage panel and balance show.</summary>
public sealed class TheSamplePracticesInsurance
{
    private static readonly DateOnly Today = new(2026, 3, 4);
    private static readonly DemoPractice Practice = DemoPractice.Generate(42);
    private static readonly DemoBook Book = DemoBook.For(Practice, Today);

    [Fact]
    public void Coverages_AboutSixInTenPatients_PrimaryForEach_SecondaryOnlyForPartnersAndChildren()
    {
        var patients = Practice.Patients.Where(p => !Practice.ProblemPatientIds.Contains(p.PmsId)).ToList();
        var covered = Book.Coverages.Select(c => c.PatientPmsId).ToHashSet();

        Assert.InRange(covered.Count / (double)patients.Count, 0.5, 0.7);
        Assert.All(Book.Coverages.GroupBy(c => c.PatientPmsId), g => Assert.Equal(1, g.Count(c => c.Priority == 1)));
        var secondary = Book.Coverages.Where(c => c.Priority == 2).ToList();
        Assert.Contains(secondary, c => c.Relationship == PmsRelationship.Child);
        Assert.All(secondary, c => Assert.Contains(c.Relationship, new[] { PmsRelationship.Child, PmsRelationship.Spouse }));
        Assert.All(Book.Coverages, c => Assert.Contains(c.PlanPmsId, DemoOffice.InsurancePlans.Select(p => p.PmsId)));
    }

    [Fact]
    public void Plans_EachHasACarrierAnnualMaximumAndDeductible()
    {
        Assert.InRange(DemoOffice.InsurancePlans.Count, 3, 4);
        Assert.All(DemoOffice.InsurancePlans, p => Assert.True(p.CarrierName is not null && p.AnnualMaximum > 0 && p.Deductible > 0));
    }

    [Fact]
    public void Claims_OnePerCompletedVisitOfAnInsuredPatient_SentReceivedAndSomePaidInPart()
    {
        var primary = Book.Coverages.Where(c => c.Priority == 1).ToDictionary(c => c.PatientPmsId!);
        var billed = Book.Appointments.Where(a => a.Status == PmsAppointmentStatus.Complete && primary.ContainsKey(a.PatientPmsId!)).ToDictionary(a => a.PmsId);

        Assert.Equal(billed.Keys.Order(), Book.Claims.Select(c => c.PmsId).Order());
        Assert.All(Book.Claims, c =>
        {
            var visit = billed[c.PmsId];
            Assert.Equal((visit.PatientPmsId, primary[visit.PatientPmsId!].PlanPmsId, DateOnly.FromDateTime(visit.StartLocal!.Value), visit.Procedures!.Sum(p => p.Fee)),
                (c.PatientPmsId, c.PlanPmsId, c.ServiceDate, c.Billed));
            Assert.InRange(c.EstimatedPayment, 0m, c.Billed);
        });
        Assert.Contains(Book.Claims, c => c.Status == PmsClaimStatus.Sent && c.ReceivedOn is null && c.Paid == 0);
        Assert.Contains(Book.Claims, c => c.Status == PmsClaimStatus.Received && c.Paid == c.EstimatedPayment && c.WriteOff > 0);
        Assert.Contains(Book.Claims, c => c.Status == PmsClaimStatus.Received && c.Paid < c.EstimatedPayment && c.Paid > 0);
        Assert.All(Book.Claims.Where(c => c.Status == PmsClaimStatus.Received), c => Assert.True(c.ReceivedOn <= Today));
    }

    [Fact]
    public void AppointmentProcedures_Estimated_PlanShareWriteOffAndPatientPortionMakeTheFee()
    {
        var procedures = Book.Appointments.SelectMany(a => a.Procedures!).ToList();

        Assert.All(procedures, p => Assert.Equal(p.Fee, p.InsuranceEstimate + p.WriteOffEstimate + p.PatientPortion));
        Assert.All(procedures, p => Assert.True(p.PatientPortion >= 0m));
        Assert.Contains(Book.Appointments, a => a.Status == PmsAppointmentStatus.Scheduled && a.Procedures!.Any(p => p.InsuranceEstimate > 0m));
        Assert.Contains(Book.Appointments, a => a.StartLocal is null && a.Procedures!.Any(p => p.InsuranceEstimate > 0m));
    }

    [Fact]
    public void ClaimedVisits_ProcedureEstimates_AddUpToWhatTheClaimPaidOrStillExpects()
    {
        var visits = Book.Appointments.ToDictionary(a => a.PmsId);

        Assert.All(Book.Claims, c =>
        {
            var procedures = visits[c.PmsId].Procedures!;
            var received = c.Status == PmsClaimStatus.Received;
            Assert.Equal(received ? c.Paid : c.EstimatedPayment, procedures.Sum(p => p.InsuranceEstimate));
            if (received)
            {
                Assert.Equal(c.WriteOff, procedures.Sum(p => p.WriteOffEstimate));
            }
        });
    }

    [Fact]
    public void UninsuredPatients_Appointments_NothingFromInsuranceAndTheWholeFeeTheirs()
    {
        var insured = Book.Coverages.Select(c => c.PatientPmsId).ToHashSet();
        var uninsured = Book.Appointments.Where(a => !insured.Contains(a.PatientPmsId)).SelectMany(a => a.Procedures!).ToList();

        Assert.NotEmpty(uninsured);
        Assert.All(uninsured, p => Assert.Equal((0m, 0m, p.Fee), (p.InsuranceEstimate, p.WriteOffEstimate, p.PatientPortion)));
    }

    [Fact]
    public void Coverages_BenefitsUsed_AreThisYearsClaimsPaidOrPending_NeverAboveTheMaximum()
    {
        var primary = Book.Coverages.Where(c => c.Priority == 1).ToList();

        Assert.All(primary, c =>
        {
            var used = Book.Claims.Where(k => k.PatientPmsId == c.PatientPmsId && k.ServiceDate!.Value.Year == Today.Year)
                .Sum(k => k.Status == PmsClaimStatus.Received ? k.Paid : k.EstimatedPayment);
            Assert.Equal(used, c.BenefitsUsed);
            Assert.True(c.BenefitsUsed <= DemoOffice.InsurancePlans.Single(p => p.PmsId == c.PlanPmsId).AnnualMaximum);
        });
        Assert.Contains(primary, c => c.BenefitsUsed > 0);
    }

    [Fact]
    public void Ledger_ClaimsReceived_PostInsurancePaymentAndWriteOffOnTheDayReceived()
    {
        var lines = Book.LedgerEntries.ToDictionary(e => e.PmsId);

        // A claim of a patient who has used the year's maximum pays nothing: no insurance payment is posted.
        Assert.All(Book.Claims.Where(c => c.Status == PmsClaimStatus.Received), c =>
        {
            if (c.Paid > 0)
            {
                var payment = lines[$"cpins:{c.PmsId}"];
                Assert.Equal((PmsLedgerKind.InsurancePayment, -c.Paid, c.ReceivedOn!.Value), (payment.Kind, payment.Amount, payment.Date));
            }
            else
            {
                Assert.False(lines.ContainsKey($"cpins:{c.PmsId}"));
            }
            var writeOff = lines[$"cpwo:{c.PmsId}"];
            Assert.Equal((PmsLedgerKind.WriteOff, -c.WriteOff, c.ReceivedOn!.Value), (writeOff.Kind, writeOff.Amount, writeOff.Date));
        });
        Assert.DoesNotContain(Book.Claims.Where(c => c.Status == PmsClaimStatus.Sent), c => lines.ContainsKey($"cpins:{c.PmsId}"));
    }

    [Fact]
    public void Ledger_ChargesForEveryCompletedProcedure_PaymentsAndAdjustments_NothingAfterToday()
    {
        var charges = Book.LedgerEntries.Where(e => e.Kind == PmsLedgerKind.Charge).ToDictionary(e => e.PmsId);
        var done = Book.Appointments.Where(a => a.Status == PmsAppointmentStatus.Complete).SelectMany(a => a.Procedures!.Select(p => (a, p))).ToList();

        Assert.All(done, x => Assert.Equal((x.p.Fee, x.p.Code, x.a.PatientPmsId), (charges[$"proc:{x.p.PmsId}"].Amount, charges[$"proc:{x.p.PmsId}"].Code, charges[$"proc:{x.p.PmsId}"].PatientPmsId)));
        Assert.All(Book.LedgerEntries, e => Assert.True(e.Date <= Today));
        Assert.All(Book.LedgerEntries.Where(e => e.Kind != PmsLedgerKind.Charge && e.Kind != PmsLedgerKind.Adjustment), e => Assert.True(e.Amount < 0));
        Assert.Contains(Book.LedgerEntries, e => e.Kind == PmsLedgerKind.PatientPayment);
        Assert.Contains(Book.LedgerEntries, e => e.Kind == PmsLedgerKind.Adjustment && e.Amount > 0);
        Assert.Contains(Book.LedgerEntries, e => e.Kind == PmsLedgerKind.Adjustment && e.Amount < 0);
        Assert.Equal(Book.LedgerEntries.Count, Book.LedgerEntries.Select(e => e.PmsId).Distinct().Count());
    }
}
