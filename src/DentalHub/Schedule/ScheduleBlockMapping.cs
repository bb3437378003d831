using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Schedule;

public sealed class ScheduleBlockMapping : IRecordMapping<PmsScheduleBlock, ScheduleBlock>
{
    // Dates before this are a PMS's "no date" (Open Dental's 0001-01-01), not a schedule.
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public string LabelOf(PmsScheduleBlock record)
    {
        var day = record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var times = $"{record.Start:HH\\:mm}-{record.End:HH\\:mm}";
        return record.Kind switch
        {
            PmsScheduleKind.ProviderHours => $"Provider hours on {day} {times}" + (record.ProviderPmsId is { } provider ? $" for provider {provider}" : ""),
            PmsScheduleKind.Blockout => $"Blockout on {day} {times}" + (Text.Clip(record.Label, 100) is { } type ? $" ({type})" : ""),
            _ => $"Closed day {day}" + (Text.Clip(record.Label, 100) is { } name ? $" ({name})" : ""),
        };
    }

    public ScheduleBlock? ToRow(PmsScheduleBlock record, SyncRunContext context, List<RecordProblem> problems)
    {
        if (record.Date < Earliest)
        {
            problems.Add(new RecordProblem(ImportFailureReason.MissingValue, ImportFailureSeverity.Error,
                $"The schedule block has no date. Set its date in {context.SystemName}, or delete it there."));
            return null;
        }
        var closed = record.Kind == PmsScheduleKind.PracticeClosed;
        var start = closed ? TimeOnly.MinValue : record.Start;
        var end = closed ? TimeOnly.MinValue : record.End;
        // 00:00 as the end is midnight at the end of the day.
        var endDate = end == TimeOnly.MinValue ? record.Date.AddDays(1) : record.Date;
        if (end != TimeOnly.MinValue && end <= start)
        {
            problems.Add(new RecordProblem(ImportFailureReason.InvalidValue, ImportFailureSeverity.Error,
                $"The schedule block ends ({end:HH\\:mm}) before it starts ({start:HH\\:mm}). Fix its times in {context.SystemName}."));
            return null;
        }
        var chairs = record.OperatoryPmsIds.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct().ToList();
        var operatories = chairs.Count == 0 ? null : string.Join(',', chairs);
        if (operatories is { Length: > ScheduleBlockConfiguration.OperatoriesLength })
        {
            problems.Add(new RecordProblem(ImportFailureReason.ValueTooLong, ImportFailureSeverity.Error,
                $"The schedule block is in more chairs ({chairs.Count}) than DentalHub can keep. Split it in {context.SystemName}."));
            return null;
        }
        return new ScheduleBlock
        {
            Kind = record.Kind switch
            {
                PmsScheduleKind.ProviderHours => ScheduleBlockKind.ProviderHours,
                PmsScheduleKind.Blockout => ScheduleBlockKind.Blockout,
                _ => ScheduleBlockKind.PracticeClosed,
            },
            Date = record.Date,
            Start = start,
            End = end,
            StartsAt = PracticeClock.ToUtc(record.Date.ToDateTime(start), context.TimeZone),
            EndsAt = PracticeClock.ToUtc(endDate.ToDateTime(end), context.TimeZone),
            ProviderPmsId = Text.Clip(record.ProviderPmsId, 64),
            ClinicPmsId = Text.Clip(record.ClinicPmsId, 64),
            OperatoryPmsIds = operatories,
            Label = Text.Clip(record.Label, ScheduleBlockConfiguration.LabelLength),
            Note = Text.Clip(record.Note, ScheduleBlockConfiguration.NoteLength),
        };
    }
}
