using DentalHub.Connectors.Contract;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

public sealed class ProviderMapping : IRecordMapping<PmsProvider, Provider>
{
    public string LabelOf(PmsProvider record) =>
        Text.Clip(record.Abbreviation, 32) ?? Text.Clip($"{record.FirstName} {record.LastName}", 200) ?? $"Provider {record.PmsId}";

    public Provider? ToRow(PmsProvider record, SyncRunContext context, List<RecordProblem> problems) => new()
    {
        FirstName = Text.Clip(record.FirstName, 100),
        LastName = Text.Clip(record.LastName, 100),
        Abbreviation = Text.Clip(record.Abbreviation, 32),
        Npi = Text.Clip(record.Npi, 20),
        Specialty = Text.Clip(record.Specialty, 100),
        IsHygienist = record.IsHygienist,
        IsHidden = record.IsHidden,
        ClinicPmsId = Text.Clip(record.ClinicPmsId, 64),
    };
}
