using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Insurance;

public sealed class InsurancePlanMapping : IRecordMapping<PmsInsurancePlan, InsurancePlan>
{
    public string LabelOf(PmsInsurancePlan record) =>
        Text.Clip(string.Join(' ', new[] { record.CarrierName, record.GroupName, record.GroupNumber }.Where(t => !string.IsNullOrWhiteSpace(t))), 200) is { } name
            ? $"insurance plan {name}"
            : $"insurance plan {record.PmsId}";

    public InsurancePlan? ToRow(PmsInsurancePlan record, SyncRunContext context, List<RecordProblem> problems) => new()
    {
        CarrierName = Text.Clip(record.CarrierName, InsuranceLengths.Name),
        CarrierPmsId = Text.Clip(record.CarrierPmsId, InsuranceLengths.PmsId),
        GroupName = Text.Clip(record.GroupName, InsuranceLengths.Name),
        GroupNumber = Text.Clip(record.GroupNumber, InsuranceLengths.Number),
        Employer = Text.Clip(record.Employer, InsuranceLengths.Name),
        PlanType = Text.Clip(record.PlanType, InsuranceLengths.Code),
        AnnualMaximum = NotNegative(record.AnnualMaximum, "annual maximum", context, problems),
        Deductible = NotNegative(record.Deductible, "deductible", context, problems),
        IsHidden = record.IsHidden,
    };

    private static decimal? NotNegative(decimal? amount, string what, SyncRunContext context, List<RecordProblem> problems)
    {
        if (amount is < 0)
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Warning,
                $"The plan's {what} is negative, so DentalHub left it out; correct the plan's benefits in {context.SystemName}."));
            return null;
        }
        return Cents.Of(amount);
    }
}
