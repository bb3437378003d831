using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Insurance;

public sealed class ClaimMapping : IRecordMapping<PmsClaim, Claim>
{
    public string LabelOf(PmsClaim record) =>
        (record.ServiceDate, record.PatientPmsId) switch
        {
            ({ } date, { } patient) => $"claim for {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} of patient {Text.Clip(patient, InsuranceLengths.PmsId)}",
            (null, { } patient) => $"claim {record.PmsId} of patient {Text.Clip(patient, InsuranceLengths.PmsId)}",
            _ => $"claim {record.PmsId}",
        };

    public Claim? ToRow(PmsClaim record, SyncRunContext context, List<RecordProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(record.PatientPmsId))
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This claim belongs to no patient; check the claim in {context.SystemName}."));
            return null;
        }
        return new Claim
        {
            PatientPmsId = Text.Clip(record.PatientPmsId, InsuranceLengths.PmsId),
            PlanPmsId = Text.Clip(record.PlanPmsId, InsuranceLengths.PmsId),
            Status = record.Status switch
            {
                PmsClaimStatus.Unsent => ClaimStatus.Unsent,
                PmsClaimStatus.OnHold => ClaimStatus.OnHold,
                PmsClaimStatus.Waiting => ClaimStatus.Waiting,
                PmsClaimStatus.Sent => ClaimStatus.Sent,
                PmsClaimStatus.Received => ClaimStatus.Received,
                _ => ClaimStatus.Other,
            },
            ClaimType = Text.Clip(record.ClaimType, InsuranceLengths.Code),
            ServiceDate = record.ServiceDate,
            SentOn = record.SentOn,
            ReceivedOn = record.ReceivedOn,
            Billed = Cents.Of(record.Billed),
            EstimatedPayment = Cents.Of(record.EstimatedPayment),
            Paid = Cents.Of(record.Paid),
            WriteOff = Cents.Of(record.WriteOff),
        };
    }
}
