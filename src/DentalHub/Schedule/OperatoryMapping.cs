using DentalHub.Connectors.Contract;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

public sealed class OperatoryMapping : IRecordMapping<PmsOperatory, Operatory>
{
    public string LabelOf(PmsOperatory record) =>
        Text.Clip(record.Name, 100) ?? Text.Clip(record.Abbreviation, 32) ?? $"Operatory {record.PmsId}";

    public Operatory? ToRow(PmsOperatory record, SyncRunContext context, List<RecordProblem> problems) => new()
    {
        Name = Text.Clip(record.Name, 100),
        Abbreviation = Text.Clip(record.Abbreviation, 32),
        ClinicPmsId = Text.Clip(record.ClinicPmsId, 64),
        DentistPmsId = Text.Clip(record.DentistPmsId, 64),
        HygienistPmsId = Text.Clip(record.HygienistPmsId, 64),
        IsHygiene = record.IsHygiene,
        IsHidden = record.IsHidden,
        SortOrder = record.SortOrder,
    };
}
