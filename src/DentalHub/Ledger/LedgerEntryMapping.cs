using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Ledger;

public sealed class LedgerEntryMapping : IRecordMapping<PmsLedgerEntry, LedgerEntry>
{
    public const int CodeLength = 32;
    public const int DescriptionLength = 200;

    public string LabelOf(PmsLedgerEntry record) => string.Create(CultureInfo.InvariantCulture,
        $"{What(record.Kind)} of {record.Amount:0.00} on {record.Date:yyyy-MM-dd} for patient {record.PatientPmsId ?? "(none)"}");

    public LedgerEntry? ToRow(PmsLedgerEntry record, SyncRunContext context, List<RecordProblem> problems)
    {
        var what = What(record.Kind);
        if (record.PatientPmsId is null)
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This {what} belongs to no patient. Attach it to a patient in {context.SystemName}."));
        }
        if (record.Date == DateOnly.MinValue)
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This {what} has no date. Set its date in {context.SystemName}."));
        }
        if (!Money.Fits(record.Amount))
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Error,
                $"This {what}'s amount is too large to be right. Check the amount in {context.SystemName}."));
        }
        if (problems.Count > 0)
        {
            return null;
        }
        return new LedgerEntry
        {
            PatientPmsId = Text.Clip(record.PatientPmsId, 64),
            Kind = Kind(record.Kind),
            Date = record.Date,
            Amount = Money.Cents(record.Amount),
            Code = Text.Clip(record.Code, CodeLength),
            Description = Text.Clip(record.Description, DescriptionLength),
            ProviderPmsId = Text.Clip(record.ProviderPmsId, 64),
            ClinicPmsId = Text.Clip(record.ClinicPmsId, 64),
            SourcePmsId = Text.Clip(record.SourcePmsId, 64),
        };
    }

    public static LedgerEntryKind Kind(PmsLedgerKind kind) => kind switch
    {
        PmsLedgerKind.Charge => LedgerEntryKind.Charge,
        PmsLedgerKind.PatientPayment => LedgerEntryKind.PatientPayment,
        PmsLedgerKind.InsurancePayment => LedgerEntryKind.InsurancePayment,
        PmsLedgerKind.WriteOff => LedgerEntryKind.WriteOff,
        PmsLedgerKind.Adjustment => LedgerEntryKind.Adjustment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A ledger kind DentalHub does not know."),
    };

    private static string What(PmsLedgerKind kind) => kind switch
    {
        PmsLedgerKind.Charge => "charge",
        PmsLedgerKind.PatientPayment => "payment",
        PmsLedgerKind.InsurancePayment => "insurance payment",
        PmsLedgerKind.WriteOff => "write-off",
        _ => "adjustment",
    };
}
