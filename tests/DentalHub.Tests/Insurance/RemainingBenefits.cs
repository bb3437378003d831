using DentalHub.Insurance;

namespace DentalHub.Tests.Insurance;

/// <summary>What is left of a patient's yearly maximum: the plan's maximum less what the coverage used.</summary>
public sealed class RemainingBenefits
{
    private static readonly Guid Connection = Guid.NewGuid();

    private static InsurancePlan Plan(decimal? maximum) => new() { ConnectionId = Connection, PmsId = "10", AnnualMaximum = maximum };

    private static Coverage Coverage(decimal? used, string plan = "10") => new() { ConnectionId = Connection, PmsId = "301", PlanPmsId = plan, BenefitsUsed = used };

    [Fact]
    public void Remaining_PartOfTheMaximumUsed_IsTheDifferenceToTheCent()
    {
        Assert.Equal(1239.65m, Benefits.Remaining(Plan(1500.00m), Coverage(260.35m)));
    }

    [Fact]
    public void Remaining_NothingUsed_IsTheWholeMaximum()
    {
        Assert.Equal(1500m, Benefits.Remaining(Plan(1500m), Coverage(0m)));
    }

    [Fact]
    public void Remaining_MoreUsedThanTheMaximum_IsZero()
    {
        Assert.Equal(0m, Benefits.Remaining(Plan(1000m), Coverage(1250.10m)));
    }

    [Theory]
    [InlineData(null, 100.0)]
    [InlineData(1500.0, null)]
    public void Remaining_MaximumOrUsedUnknown_IsUnknown(double? maximum, double? used)
    {
        Assert.Null(Benefits.Remaining(Plan((decimal?)maximum), Coverage((decimal?)used)));
    }

    [Fact]
    public void Remaining_CoverageByAnotherPlan_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Benefits.Remaining(Plan(1500m), Coverage(100m, plan: "11")));
    }
}
