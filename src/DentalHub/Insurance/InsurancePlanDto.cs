namespace DentalHub.Insurance;

/// <param name="Id">The plan's PMS id.</param>
/// <param name="CarrierId">The carrier's PMS id.</param>
/// <param name="PlanType">How the plan pays, in words ("PPO Percentage", "Capitation").</param>
/// <param name="AnnualMaximum">The most the plan pays for one person in a benefit year, when recorded.</param>
/// <param name="Deductible">One person's yearly deductible, when recorded.</param>
public sealed record InsurancePlanDto(
    string Id, Guid ConnectionId, string? CarrierId, string? CarrierName, string? GroupName, string? GroupNumber, string? Employer, string? PlanType,
    decimal? AnnualMaximum, decimal? Deductible, bool IsHidden, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static InsurancePlanDto From(InsurancePlan p) => new(
        p.PmsId, p.ConnectionId, p.CarrierPmsId, p.CarrierName, p.GroupName, p.GroupNumber, p.Employer, p.PlanType, p.AnnualMaximum, p.Deductible, p.IsHidden, p.UpdatedAt, p.DeletedAt);
}
