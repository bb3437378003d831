using System.Globalization;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>schedule</c> table, read by its DateTStamp: provider hours (SchedType 1), blockouts (2)
/// with their type's name (a definition of category 25), and holidays (Practice rows, SchedType 0, whose
/// Status is Holiday). Not read: employee schedules (3), Web Sched ASAP slots (4), Practice rows that are
/// only a note for the day, and provider or blockout rows from 00:00 to 00:00, which Open Dental uses
/// for a provider's note, not hours. A block's chairs are its <c>scheduleop</c> rows, loaded per page;
/// none means every chair (a holiday's chairs are those of its clinic, or all when it has none).
/// </summary>
internal static class ScheduleQuery
{
    private static readonly string Kinds =
        $"(s.SchedType = {ScheduleCodes.Practice} AND s.Status = {ScheduleCodes.HolidayStatus}) " +
        $"OR (s.SchedType IN ({ScheduleCodes.Provider}, {ScheduleCodes.Blockout}) AND NOT (s.StartTime = '00:00:00' AND s.StopTime = '00:00:00'))";

    public static ChangeQuery<PmsScheduleBlock> Query { get; } = new(
        From: $"schedule s LEFT JOIN definition d ON d.DefNum = s.BlockoutType AND d.Category = {ScheduleCodes.BlockoutTypesCategory}",
        Key: "s.ScheduleNum",
        Stamp: "s.DateTStamp",
        Columns: "s.SchedType, s.SchedDate, s.StartTime, s.StopTime, s.ProvNum, s.ClinicNum, d.ItemName, s.Note",
        Read: Read,
        Where: Kinds);

    private static PmsScheduleBlock Read(MySqlDataReader reader)
    {
        var kind = ScheduleCodes.KindOf(reader.GetInt32(2));
        var closed = kind == PmsScheduleKind.PracticeClosed;
        var note = Rows.Text(reader, 9);
        return new PmsScheduleBlock(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            Kind: kind,
            Date: DateOnly.FromDateTime(reader.GetDateTime(3)),
            // Open Dental ignores a holiday's times: it is the whole day.
            Start: closed ? TimeOnly.MinValue : ScheduleCodes.TimeOf(reader.GetTimeSpan(4)),
            End: closed ? TimeOnly.MinValue : ScheduleCodes.TimeOf(reader.GetTimeSpan(5)),
            ProviderPmsId: kind == PmsScheduleKind.ProviderHours ? Rows.Key(reader, 6) : null,
            ClinicPmsId: Rows.Key(reader, 7),
            OperatoryPmsIds: [],
            Label: kind switch
            {
                PmsScheduleKind.Blockout => Rows.Text(reader, 8),
                PmsScheduleKind.PracticeClosed => note,
                _ => null,
            },
            Note: closed ? null : note);
    }

    /// <summary>The <c>complete</c> hook of the schedule feed: each block of the page with its chairs.</summary>
    public static async Task<IReadOnlyList<PmsScheduleBlock>> WithOperatoriesAsync(
        IReadOnlyList<PmsScheduleBlock> blocks, MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return blocks;
        }
        var chairs = new Dictionary<string, List<string>>();
        // The keys are numbers read from the database, written out in invariant digits.
        await using var command = new MySqlCommand(
            $"SELECT ScheduleNum, OperatoryNum FROM scheduleop WHERE ScheduleNum IN ({string.Join(",", blocks.Select(b => b.PmsId))}) " +
            "ORDER BY ScheduleNum, OperatoryNum", connection);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var schedule = PatientMapping.Id(reader.GetInt64(0));
                if (!chairs.TryGetValue(schedule, out var list))
                {
                    chairs[schedule] = list = [];
                }
                list.Add(reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            }
        }
        return [.. blocks.Select(b => chairs.TryGetValue(b.PmsId, out var list) ? b with { OperatoryPmsIds = list.Distinct().ToList() } : b)];
    }

    /// <summary>The blocks with these schedule numbers that the feed reads (whatever their stamp), with their chairs.</summary>
    public static async Task<IReadOnlyList<PmsScheduleBlock>> ReadByKeysAsync(IReadOnlyCollection<long> keys, MySqlConnection connection, CancellationToken cancellationToken)
    {
        var blocks = await Query.ReadByKeysAsync(keys, connection, cancellationToken);
        return await WithOperatoriesAsync(blocks, connection, cancellationToken);
    }
}
