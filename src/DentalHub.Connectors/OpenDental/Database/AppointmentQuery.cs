using System.Globalization;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>appointment</c> table, by its DateTStamp. Patient notes on the schedule (AptStatus 7 and 8)
/// are not appointments and are never read. The length is the time pattern, one character per 5 minutes; the
/// confirmation is a definition (category 2, ApptConfirmed) read by its name. Each page's procedures come from
/// <c>procedurelog</c> in one more query (<see cref="AddProceduresAsync"/>): those attached by AptNum, or by
/// PlannedAptNum for a planned appointment, except deleted ones (ProcStatus 6); and their insurance estimates from
/// their <c>claimproc</c> rows in one more (<see cref="ClaimProcEstimates"/>).
/// <para>
/// Editing only a procedure (its fee, completing or deleting it in the chart) or its estimate does not move
/// <c>appointment.DateTStamp</c>: <see cref="AppointmentFeed"/> reads those appointments again from the procedurelog
/// and claimproc stamps. Renaming a confirmation status moves neither; it shows when the appointment next changes.
/// </para>
/// </summary>
internal static class AppointmentQuery
{
    /// <summary>AptStatus values of patient notes (PtNote, PtNoteCompleted), which share the table.</summary>
    private const string NotPatientNotes = "a.AptStatus NOT IN (7, 8)";

    /// <summary>procedurelog.ProcStatus of a deleted procedure (procedures are never removed).</summary>
    private const int DeletedProcedure = 6;

    public static ChangeQuery<PmsAppointment> Query { get; } = new(
        From: "appointment a LEFT JOIN definition d ON d.DefNum = a.Confirmed",
        Key: "a.AptNum",
        Stamp: "a.DateTStamp",
        Columns: "a.PatNum, a.ProvNum, a.ProvHyg, a.Op, a.ClinicNum, a.AppointmentTypeNum, a.AptDateTime, a.Pattern, " +
                 "a.AptStatus, d.ItemName, a.IsNewPatient, a.Note",
        Read: Read,
        Where: NotPatientNotes);

    private static PmsAppointment Read(MySqlDataReader reader) => new(
        PmsId: PatientMapping.Id(reader.GetInt64(1)),
        PatientPmsId: Rows.Key(reader, 2),
        ProviderPmsId: Rows.Key(reader, 3),
        HygienistPmsId: Rows.Key(reader, 4),
        OperatoryPmsId: Rows.Key(reader, 5),
        ClinicPmsId: Rows.Key(reader, 6),
        AppointmentTypePmsId: Rows.Key(reader, 7),
        StartLocal: reader.IsDBNull(8) ? null : WallClock(reader.GetDateTime(8)),
        LengthMinutes: LengthOf(Rows.Text(reader, 9)),
        Status: Status(reader.GetInt32(10)),
        Confirmation: Rows.Text(reader, 11),
        IsNewPatient: reader.GetBoolean(12),
        Note: Rows.Text(reader, 13),
        Procedures: []);

    /// <summary>Minutes booked: the time pattern has one character ('X' provider time, '/' assistant time) per 5 minutes.</summary>
    public static int LengthOf(string? pattern) => (pattern?.Trim().Length ?? 0) * 5;

    /// <summary>
    /// AptDateTime as the office's wall clock. Open Dental writes 0001-01-01 (and older rows 0000-00-00) for "no
    /// time", and treats any date before 1880 as none.
    /// </summary>
    public static DateTime? WallClock(DateTime value) =>
        value.Year < 1880 ? null : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    /// <summary>
    /// ApptStatus: 1 Scheduled, 2 Complete, 3 UnschedList, 4 ASAP (before 17.4, on the unscheduled list), 5 Broken,
    /// 6 Planned. 0 ("no appointment should ever have this status") reads as scheduled, as the schedule would show it.
    /// </summary>
    public static PmsAppointmentStatus Status(int code) => code switch
    {
        2 => PmsAppointmentStatus.Complete,
        3 or 4 => PmsAppointmentStatus.Unscheduled,
        5 => PmsAppointmentStatus.Broken,
        6 => PmsAppointmentStatus.Planned,
        _ => PmsAppointmentStatus.Scheduled,
    };

    /// <summary>
    /// Adds the page's procedures in one query, and their estimates in one more. The lookups use indexes of Open
    /// Dental's (AptNum leads RadiologyProcs; PlannedAptNum has its own; claimproc's indexProcNum). Fees as
    /// <see cref="ProcedureFees.OnAppointment"/>.
    /// </summary>
    public static async Task<IReadOnlyList<PmsAppointment>> AddProceduresAsync(
        IReadOnlyList<PmsAppointment> page, MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return page;
        }
        var planned = Keys(page.Where(a => a.Status == PmsAppointmentStatus.Planned));
        var scheduled = Keys(page.Where(a => a.Status != PmsAppointmentStatus.Planned));
        const string Select = "SELECT pl.ProcNum, pc.ProcCode, pc.Descript, pl.ProcFee, pl.BaseUnits, pl.UnitQty";
        const string From = "FROM procedurelog pl LEFT JOIN procedurecode pc ON pc.CodeNum = pl.CodeNum";
        var parts = new List<string>();
        if (scheduled.Length > 0)
        {
            parts.Add($"{Select}, pl.AptNum {From} WHERE pl.AptNum IN ({scheduled}) AND pl.ProcStatus <> {DeletedProcedure}");
        }
        if (planned.Length > 0)
        {
            parts.Add($"{Select}, pl.PlannedAptNum {From} WHERE pl.PlannedAptNum IN ({planned}) AND pl.ProcStatus <> {DeletedProcedure}");
        }
        var byAppointment = new Dictionary<string, List<(long Num, PmsAppointmentProcedure Procedure)>>();
        await using (var command = new MySqlCommand(string.Join(" UNION ALL ", parts), connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var procedure = new PmsAppointmentProcedure(
                    PmsId: PatientMapping.Id(reader.GetInt64(0)),
                    Code: Rows.Text(reader, 1),
                    Description: Rows.Text(reader, 2),
                    Fee: ProcedureFees.OnAppointment((decimal)reader.GetDouble(3), reader.GetInt32(4), reader.GetInt32(5)));
                var appointment = PatientMapping.Id(reader.GetInt64(6));
                if (!byAppointment.TryGetValue(appointment, out var list))
                {
                    byAppointment[appointment] = list = [];
                }
                list.Add((reader.GetInt64(0), procedure));
            }
        }
        var shares = await SharesAsync(byAppointment.Values.SelectMany(l => l.Select(p => p.Num)).ToHashSet(), connection, cancellationToken);
        return page
            .Select(a => a with
            {
                Procedures = byAppointment.TryGetValue(a.PmsId, out var list)
                    ? list.OrderBy(p => p.Num).Select(p => ClaimProcEstimates.Apply(p.Procedure, shares[p.Num])).ToList()
                    : [],
            })
            .ToList();
    }

    /// <summary>
    /// The appointments with these numbers, as a page of changes reads them (procedures and estimates included):
    /// those whose procedures or estimates changed. Patient notes and appointments deleted since are not found.
    /// </summary>
    public static async Task<IReadOnlyList<PmsAppointment>> ReadByKeysAsync(IReadOnlyCollection<long> keys, MySqlConnection connection, CancellationToken cancellationToken) =>
        await AddProceduresAsync(await Query.ReadByKeysAsync(keys, connection, cancellationToken), connection, cancellationToken);

    /// <summary>What each procedure's claimproc rows contribute, by ProcNum; Preauth and Adjustment rows are not read.</summary>
    private static async Task<ILookup<long, ClaimProcEstimates.Share>> SharesAsync(IReadOnlyCollection<long> procNums, MySqlConnection connection, CancellationToken cancellationToken)
    {
        var shares = new List<(long ProcNum, ClaimProcEstimates.Share Share)>();
        if (procNums.Count > 0)
        {
            var list = string.Join(",", procNums.Select(n => n.ToString(CultureInfo.InvariantCulture)));
            await using var command = new MySqlCommand(
                "SELECT ProcNum, Status, InsPayEst, InsPayAmt, WriteOff, InsEstTotal, InsEstTotalOverride, WriteOffEst, WriteOffEstOverride " +
                $"FROM claimproc WHERE ProcNum IN ({list}) AND Status NOT IN (2, 3)", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shares.Add((reader.GetInt64(0), ClaimProcEstimates.Of(
                    status: reader.GetInt32(1), insPayEst: Amount(reader, 2), insPayAmt: Amount(reader, 3), writeOff: Amount(reader, 4),
                    insEstTotal: Amount(reader, 5), insEstTotalOverride: Amount(reader, 6), writeOffEst: Amount(reader, 7), writeOffEstOverride: Amount(reader, 8))));
            }
        }
        return shares.ToLookup(s => s.ProcNum, s => s.Share);
    }

    private static decimal Amount(MySqlDataReader reader, int ordinal) => Convert.ToDecimal(reader.GetDouble(ordinal), CultureInfo.InvariantCulture);

    // The keys are numbers read from the table, written as numbers: nothing from outside reaches the SQL.
    private static string Keys(IEnumerable<PmsAppointment> appointments) =>
        string.Join(",", appointments.Select(a => long.Parse(a.PmsId, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
}
