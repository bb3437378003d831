using DentalHub.Connectors.Contract;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

public sealed class ClinicMapping : IRecordMapping<PmsClinic, Clinic>
{
    public string LabelOf(PmsClinic record) => Text.Clip(record.Name, 200) ?? Text.Clip(record.Abbreviation, 32) ?? $"Clinic {record.PmsId}";

    public Clinic? ToRow(PmsClinic record, SyncRunContext context, List<RecordProblem> problems) => new()
    {
        Name = Text.Clip(record.Name, 200),
        Abbreviation = Text.Clip(record.Abbreviation, 32),
        AddressLine1 = Text.Clip(record.Address.Line1, PatientValidation.AddressLength),
        AddressLine2 = Text.Clip(record.Address.Line2, PatientValidation.AddressLength),
        City = Text.Clip(record.Address.City, PatientValidation.CityLength),
        State = Text.Clip(record.Address.State, PatientValidation.StateLength),
        PostalCode = Text.Clip(record.Address.PostalCode, PatientValidation.PostalCodeLength),
        Phone = Text.Clip(record.Phone, PatientValidation.PhoneLength),
        IsHidden = record.IsHidden,
    };
}
