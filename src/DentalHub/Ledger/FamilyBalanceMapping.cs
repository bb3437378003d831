using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Ledger;

public sealed class FamilyBalanceMapping : IRecordMapping<PmsFamilyBalance, FamilyBalance>
{
    public string LabelOf(PmsFamilyBalance record) => $"Family of patient {record.GuarantorPmsId}";

    public FamilyBalance? ToRow(PmsFamilyBalance record, SyncRunContext context, List<RecordProblem> problems)
    {
        decimal[] amounts = [record.Aged0To30, record.Aged31To60, record.Aged61To90, record.AgedOver90, record.Total, record.InsuranceEstimate, record.PatientPortion];
        if (!amounts.All(Money.Fits))
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Error,
                $"This family's balance is too large to be right. Check the family's account in {context.SystemName}."));
            return null;
        }
        return new FamilyBalance
        {
            GuarantorPmsId = Text.Clip(record.GuarantorPmsId, 64) ?? record.PmsId,
            Aged0To30 = Money.Cents(record.Aged0To30),
            Aged31To60 = Money.Cents(record.Aged31To60),
            Aged61To90 = Money.Cents(record.Aged61To90),
            AgedOver90 = Money.Cents(record.AgedOver90),
            Total = Money.Cents(record.Total),
            InsuranceEstimate = Money.Cents(record.InsuranceEstimate),
            PatientPortion = Money.Cents(record.PatientPortion),
        };
    }
}
