namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// What a page of plans is joined with in API mode, read once per read (never a call per plan): every carrier,
/// employer and benefit, each list paged through whole as none of them has a change filter. Listing every
/// benefit (no PlanNum) needs Open Dental 23.2.62 and employers 23.3.22; an older office's API refuses the
/// request and the plan sync fails with its explanation.
/// </summary>
internal sealed record InsurancePlanLookups(
    IReadOnlyDictionary<long, ApiCarrier> Carriers,
    IReadOnlyDictionary<long, ApiEmployer> Employers,
    ILookup<long, ApiBenefit> Benefits)
{
    public static async Task<InsurancePlanLookups> ReadAsync(OpenDentalApiClient client, CancellationToken cancellationToken)
    {
        var carriers = await ApiList.ReadAllAsync<ApiCarrier>(client, "carriers", "insurance carriers", cancellationToken);
        var employers = await ApiList.ReadAllAsync<ApiEmployer>(client, "employers", "employers", cancellationToken);
        var benefits = await ApiList.ReadAllAsync<ApiBenefit>(client, "benefits", "insurance benefits", cancellationToken);
        return new InsurancePlanLookups(
            carriers.GroupBy(c => c.CarrierNum).ToDictionary(g => g.Key, g => g.Last()),
            employers.GroupBy(e => e.EmployerNum).ToDictionary(g => g.Key, g => g.Last()),
            benefits.DistinctBy(b => b.BenefitNum).ToLookup(b => b.PlanNum));
    }
}
