using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Insurance;

/// <summary>A coverage is kept whether or not its patient or plan has come over yet: they link by PMS id when read.</summary>
public sealed class CoverageMapping : IRecordMapping<PmsCoverage, Coverage>
{
    public string LabelOf(PmsCoverage record) =>
        record.PatientPmsId is { } patient
            ? $"insurance coverage {record.Priority} of patient {Text.Clip(patient, InsuranceLengths.PmsId)}"
            : $"insurance coverage {record.PmsId}";

    public Coverage? ToRow(PmsCoverage record, SyncRunContext context, List<RecordProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(record.PatientPmsId))
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This insurance coverage belongs to no patient; check the patient's insurance in {context.SystemName}."));
        }
        if (string.IsNullOrWhiteSpace(record.PlanPmsId))
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This insurance coverage names no insurance plan; pick the plan on the patient's insurance in {context.SystemName}."));
        }
        if (problems.Count > 0)
        {
            return null;
        }
        return new Coverage
        {
            PatientPmsId = Text.Clip(record.PatientPmsId, InsuranceLengths.PmsId),
            PlanPmsId = Text.Clip(record.PlanPmsId, InsuranceLengths.PmsId),
            SubscriberPmsId = Text.Clip(record.SubscriberPmsId, InsuranceLengths.PmsId),
            SubscriberId = Text.Clip(record.SubscriberId, InsuranceLengths.Number),
            Priority = record.Priority,
            Relationship = record.Relationship switch
            {
                PmsRelationship.Self => CoverageRelationship.Self,
                PmsRelationship.Spouse => CoverageRelationship.Spouse,
                PmsRelationship.Child => CoverageRelationship.Child,
                _ => CoverageRelationship.Other,
            },
            EffectiveOn = record.EffectiveOn,
            TerminatesOn = record.TerminatesOn,
            BenefitsUsed = Cents.Of(record.BenefitsUsed),
            DeductibleMet = Cents.Of(record.DeductibleMet),
        };
    }
}
