using System.Text.RegularExpressions;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

public sealed partial class AppointmentTypeMapping : IRecordMapping<PmsAppointmentType, AppointmentType>
{
    public string LabelOf(PmsAppointmentType record) => Text.Clip(record.Name, 100) ?? $"Appointment type {record.PmsId}";

    public AppointmentType? ToRow(PmsAppointmentType record, SyncRunContext context, List<RecordProblem> problems)
    {
        var length = record.LengthMinutes;
        if (length is <= 0)
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Warning,
                $"The appointment type's length ({length} minutes) cannot be right; it was stored without one. Set its time pattern in {context.SystemName}."));
            length = null;
        }
        return new AppointmentType
        {
            Name = Text.Clip(record.Name, 100),
            LengthMinutes = length,
            Color = record.Color is { } color && HexColor().IsMatch(color) ? color.ToUpperInvariant() : null,
            IsHidden = record.IsHidden,
        };
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
