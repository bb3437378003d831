using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /insplans</c> (opendental.com/site/apiinsplans.html, 22.3.30+): PlanType as stored
/// ("" percentage, "p", "f", "c"), booleans as "true"/"false", the carrier and employer as numbers. The list
/// has no change filter, so plans are read whole every run.
/// </summary>
internal sealed record ApiInsPlan(
    long PlanNum,
    string? GroupName,
    string? GroupNum,
    string? PlanType,
    long EmployerNum,
    long CarrierNum,
    string? IsHidden,
    string? ServerDateTime) : IServerTimed, IPmsRecord
{
    public string PmsId => PatientMapping.Id(PlanNum);

    public PmsInsurancePlan ToPmsInsurancePlan(InsurancePlanLookups lookups)
    {
        var carrier = lookups.Carriers.GetValueOrDefault(CarrierNum);
        var benefits = lookups.Benefits[PlanNum].ToList();
        return new PmsInsurancePlan(
            PmsId: PmsId,
            CarrierName: PatientMapping.Text(carrier?.CarrierName),
            CarrierPmsId: PatientMapping.OptionalId(CarrierNum),
            GroupName: PatientMapping.Text(GroupName),
            GroupNumber: PatientMapping.Text(GroupNum),
            Employer: PatientMapping.Text(lookups.Employers.GetValueOrDefault(EmployerNum)?.EmpName),
            PlanType: InsuranceCodes.PlanType(PlanType),
            AnnualMaximum: Smallest(benefits, "Limitations"),
            Deductible: Smallest(benefits, "Deductible"),
            IsHidden: ApiBool.Of(IsHidden));
    }

    private static decimal? Smallest(List<ApiBenefit> benefits, string type) =>
        benefits.Where(b => b.IsYearlyIndividualGeneral(type)).Select(b => (decimal?)InsuranceCodes.Money(b.MonetaryAmt)).Min();
}
