using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// Reading plans, coverages and claims from Open Dental's real schema on MariaDB as a user that may only
/// SELECT: how each awkward row maps (see <see cref="InsuranceOfficeDatabase"/> for the office).
/// </summary>
[Collection(InsuranceOfficeCollection.Name)]
public sealed class ReadingInsuranceFromAnOfficeDatabase(InsuranceOfficeDatabase database)
{
    private async Task<List<PmsInsurancePlan>> PlansAsync() =>
        (await Assert.IsAssignableFrom<IReadsInsurance>(database.Connector(pageSize: 2)).InsurancePlans.ReadAllAsync()).Rows();

    private async Task<List<PmsCoverage>> CoveragesAsync() =>
        (await Assert.IsAssignableFrom<IReadsInsurance>(database.Connector(pageSize: 2)).Coverages.ReadAllAsync()).Rows();

    private async Task<List<PmsClaim>> ClaimsAsync() =>
        (await Assert.IsAssignableFrom<IReadsClaims>(database.Connector(pageSize: 3)).Claims.ReadAllAsync()).Rows();

    [SkippableFact]
    public async Task ReadPlans_PlanWithBenefits_HasCarrierEmployerAnnualMaximumAndDeductible()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var plan = Assert.Single(await PlansAsync(), p => p.PmsId == "10");

        Assert.Equal(new PmsInsurancePlan("10", "Delta Dental", "1", "Acme Dental", "G-100", "Acme Corp", "PPO Percentage", 1500m, 50m, IsHidden: false), plan);
    }

    [SkippableFact]
    public async Task ReadPlans_HiddenPlanWithoutBenefits_HasNoMaximumOrDeductible()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var plan = Assert.Single(await PlansAsync(), p => p.PmsId == "11");

        Assert.Equal(new PmsInsurancePlan("11", "MetLife", "2", null, null, null, "Percentage", null, null, IsHidden: true), plan);
    }

    [SkippableFact]
    public async Task ReadPlans_MaximumOnlyInTheGeneralCategoryAndAnEmptyDeductible_CountsTheMaximumOnly()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var plan = Assert.Single(await PlansAsync(), p => p.PmsId == "12");

        Assert.Equal(("Capitation", 1000m, (decimal?)null), (plan.PlanType, plan.AnnualMaximum, plan.Deductible));
    }

    [SkippableFact]
    public async Task ReadCoverages_Family_ParentPrimaryAndTheChildOnBothParentsPlans()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var coverages = await CoveragesAsync();

        Assert.Equal(new PmsCoverage("301", "101", "10", "101", "DD123", 1, PmsRelationship.Self, new DateOnly(2020, 1, 1), null, 260.35m, 50m),
            Assert.Single(coverages, c => c.PmsId == "301"));
        var child = coverages.Where(c => c.PatientPmsId == "103").OrderBy(c => c.Priority).ToList();
        Assert.Equal(
            [("302", "10", "101", "DD123", 1, PmsRelationship.Child), ("303", "11", "102", "MET9", 2, PmsRelationship.Child)],
            child.Select(c => (c.PmsId, c.PlanPmsId, c.SubscriberPmsId, c.SubscriberId, c.Priority, c.Relationship)));
    }

    [SkippableTheory]
    [InlineData("301", 260.35, 50.0)]
    [InlineData("302", 40.0, 0.0)]
    [InlineData("303", 0.0, 0.0)]
    public async Task ReadCoverages_BenefitsUsed_ThisYearsPaidAndPendingOfThatPatientOnThatSubscription(string patPlan, double used, double deductible)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var coverage = Assert.Single(await CoveragesAsync(), c => c.PmsId == patPlan);

        Assert.Equal(((decimal?)used, (decimal?)deductible), (coverage.BenefitsUsed, coverage.DeductibleMet));
    }

    [SkippableFact]
    public async Task ReadCoverages_Terminated_HasItsEffectiveAndTermDates()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var coverage = Assert.Single(await CoveragesAsync(), c => c.PmsId == "304");

        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2023, 12, 31)), (coverage.EffectiveOn, coverage.TerminatesOn));
    }

    [SkippableTheory]
    [InlineData("305", PmsRelationship.Self)]
    [InlineData("302", PmsRelationship.Child)]
    [InlineData("306", PmsRelationship.Other)]
    public async Task ReadCoverages_Relationship_MapsToTheHubsFour(string patPlan, PmsRelationship expected)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal(expected, Assert.Single(await CoveragesAsync(), c => c.PmsId == patPlan).Relationship);
    }

    [SkippableFact]
    public async Task ReadClaims_PartlyPaidWithAWriteOff_MapsAmountsToTheCentAndDates()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var claim = Assert.Single(await ClaimsAsync(), c => c.PmsId == "401");

        Assert.Equal(new PmsClaim("401", "101", "10", PmsClaimStatus.Received, "Primary", new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 12),
            new DateOnly(2026, 3, 2), 300m, 240m, 180.50m, 45.25m), claim);
    }

    [SkippableFact]
    public async Task ReadClaims_Unsent_HasNoSentOrReceivedDate()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var claim = Assert.Single(await ClaimsAsync(), c => c.PmsId == "402");

        Assert.Equal((PmsClaimStatus.Unsent, new DateOnly(2026, 3, 12), (DateOnly?)null, (DateOnly?)null, 120m, 80.25m, 0m, 0m),
            (claim.Status, claim.ServiceDate, claim.SentOn, claim.ReceivedOn, claim.Billed, claim.EstimatedPayment, claim.Paid, claim.WriteOff));
    }

    [SkippableTheory]
    [InlineData("403", PmsClaimStatus.Waiting, "Secondary")]
    [InlineData("404", PmsClaimStatus.OnHold, "Secondary")]
    [InlineData("405", PmsClaimStatus.OnHold, "Secondary")]
    [InlineData("406", PmsClaimStatus.Sent, "Preauthorization")]
    [InlineData("407", PmsClaimStatus.Sent, "Primary")]
    [InlineData("408", PmsClaimStatus.Other, "Other")]
    public async Task ReadClaims_StatusLetterAndType_MapToStatusAndWords(string claimNum, PmsClaimStatus status, string type)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var claim = Assert.Single(await ClaimsAsync(), c => c.PmsId == claimNum);

        Assert.Equal((status, type), (claim.Status, claim.ClaimType));
    }
}
