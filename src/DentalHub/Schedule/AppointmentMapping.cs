using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

/// <summary>
/// A PMS appointment to its row. What keeps one out: no patient, or no time on one that is on the schedule
/// (scheduled, complete, broken); unscheduled and planned ones have no time and need none. A scheduled appointment
/// with no length is stored with a warning and no end time rather than given a made-up length: it still shows at
/// its start, and the warning says where to fix it. Times are the practice's wall clock, converted with its time
/// zone (<see cref="PracticeClock"/>); the end is the start plus the length, so an appointment across a clock
/// change lasts as long as it was booked for.
/// </summary>
public sealed class AppointmentMapping : IRecordMapping<PmsAppointment, Appointment>
{
    public string LabelOf(PmsAppointment record) =>
        string.Create(CultureInfo.InvariantCulture, $"appointment {(record.StartLocal is { } start ? $"on {start:yyyy-MM-dd HH:mm}" : "with no time")} ") +
        (record.PatientPmsId is { } patient ? $"for patient {patient}" : "for no patient");

    public Appointment? ToRow(PmsAppointment record, SyncRunContext context, List<RecordProblem> problems)
    {
        var patient = Text.Clip(record.PatientPmsId, 64);
        if (patient is null)
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This appointment has no patient: attach it to a patient in {context.SystemName}."));
        }
        var onSchedule = record.Status is PmsAppointmentStatus.Scheduled or PmsAppointmentStatus.Complete or PmsAppointmentStatus.Broken;
        if (onSchedule && record.StartLocal is null)
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"This appointment has no date and time: set them in {context.SystemName}, or move it to the unscheduled list."));
        }
        if (problems.Count > 0)
        {
            return null;
        }
        var length = Math.Max(0, record.LengthMinutes);
        if (record.Status == PmsAppointmentStatus.Scheduled && length == 0)
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Warning,
                $"This appointment has no length: set its time pattern in {context.SystemName}. DentalHub shows it with no end time."));
        }
        var startsAt = record.StartLocal is { } start ? PracticeClock.ToUtc(start, context.TimeZone) : (DateTimeOffset?)null;
        var procedures = record.Procedures?
            .OrderBy(p => p.PmsId.Length).ThenBy(p => p.PmsId, StringComparer.Ordinal)
            .Select(p => new StoredAppointmentProcedure(p.PmsId, Text.Clip(p.Code, 32), Text.Clip(p.Description, 255), Cents(p.Fee),
                Cents(p.InsuranceEstimate), Cents(p.WriteOffEstimate), Cents(p.PatientPortion)))
            .ToList();
        return new Appointment
        {
            PatientPmsId = patient,
            ProviderPmsId = Text.Clip(record.ProviderPmsId, 64),
            HygienistPmsId = Text.Clip(record.HygienistPmsId, 64),
            OperatoryPmsId = Text.Clip(record.OperatoryPmsId, 64),
            ClinicPmsId = Text.Clip(record.ClinicPmsId, 64),
            AppointmentTypePmsId = Text.Clip(record.AppointmentTypePmsId, 64),
            StartsAt = startsAt,
            EndsAt = length > 0 ? startsAt?.AddMinutes(length) : null,
            LocalDate = record.StartLocal is { } day ? DateOnly.FromDateTime(day) : null,
            LengthMinutes = length,
            Status = Status(record.Status),
            Confirmation = Text.Clip(record.Confirmation, 100),
            IsNewPatient = record.IsNewPatient,
            Note = Text.Clip(record.Note, Appointment.NoteLength),
            TotalFee = procedures?.Sum(p => p.Fee) ?? 0m,
            InsuranceEstimate = SumIfKnown(procedures, p => p.InsuranceEstimate),
            WriteOffEstimate = SumIfKnown(procedures, p => p.WriteOffEstimate),
            PatientPortion = SumIfKnown(procedures, p => p.PatientPortion),
            ProceduresJson = procedures is null ? null : StoredAppointmentProcedure.Write(procedures),
        };
    }

    // To the cent, always written with two decimals (45.00, not 45): the same fee reads the same whichever way it came.
    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static decimal? Cents(decimal? amount) => amount is { } value ? Cents(value) : null;

    // An appointment's estimate is known when each of its procedures' is: a part of it would pass for the whole.
    private static decimal? SumIfKnown(List<StoredAppointmentProcedure>? procedures, Func<StoredAppointmentProcedure, decimal?> amount) =>
        procedures is null || procedures.Any(p => amount(p) is null) ? null : procedures.Sum(p => amount(p)!.Value);

    private static AppointmentStatus Status(PmsAppointmentStatus status) => status switch
    {
        PmsAppointmentStatus.Complete => AppointmentStatus.Complete,
        PmsAppointmentStatus.Broken => AppointmentStatus.Broken,
        PmsAppointmentStatus.Cancelled => AppointmentStatus.Cancelled,
        PmsAppointmentStatus.Unscheduled => AppointmentStatus.Unscheduled,
        PmsAppointmentStatus.Planned => AppointmentStatus.Planned,
        _ => AppointmentStatus.Scheduled,
    };
}
