using System.Globalization;
using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// A coverage is a <c>patplan</c> (the patient, the order it pays in, the relationship) joined to its
/// <c>inssub</c> (the plan, the subscriber, the subscriber id, the effective and term dates).
/// <para>
/// What it shows changes with either row, with the patient's claims on that subscription (benefits used) and
/// when the plan's benefit year starts over. Its change stamp is therefore the newest of patplan.SecDateTEdit,
/// inssub.SecDateTEdit, the newest claim.SecDateTEdit of this patient on this subscription (a claim is stamped
/// when it is created, sent, received or paid, which is when the amounts used change), and the start of the
/// current benefit year as the office's clock reads it (so every coverage is read again once when its plan
/// renews and the used amounts go back to zero).
/// </para>
/// <para>
/// Cost: no index serves that expression (patplan.SecDateTEdit alone has one), so each page reads
/// patplan ⋈ inssub ⋈ insplan and groups the claim table by patient and subscription: a scan of both, as
/// every Open Dental table whose stamp has no index costs. A full read of N coverages makes N / page size such
/// scans. Missed until the coverage changes otherwise: a claim deleted (its stamp leaves with it), benefit
/// adjustments entered in the coverage window without a claim, and claim procedures edited without their
/// claim being saved.
/// </para>
/// </summary>
internal static class CoverageQuery
{
    // The first day of the current benefit year: the first of insplan.MonthRenew (0 = January) on or before
    // the office's today, as Open Dental's BenefitLogic.ComputeRenewDate reckons it. "Today" is the database
    // server's local date: the session runs in UTC, the server's own zone is the office's.
    private const string BenefitYearStart =
        "DATE_SUB(t.Today - INTERVAL (DAYOFMONTH(t.Today) - 1) DAY, INTERVAL MOD(MONTH(t.Today) - GREATEST(IFNULL(p.MonthRenew, 0), 1) + 12, 12) MONTH)";

    public static ChangeQuery<CoverageRow> Query { get; } = new(
        From: "patplan pp " +
              "JOIN inssub s ON s.InsSubNum = pp.InsSubNum " +
              "LEFT JOIN insplan p ON p.PlanNum = s.PlanNum " +
              "LEFT JOIN (SELECT PatNum, InsSubNum, MAX(SecDateTEdit) AS Edited FROM claim GROUP BY PatNum, InsSubNum) cl " +
              "ON cl.PatNum = pp.PatNum AND cl.InsSubNum = pp.InsSubNum " +
              "CROSS JOIN (SELECT DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', 'SYSTEM')) AS Today) t",
        Key: "pp.PatPlanNum",
        Stamp: "CAST(GREATEST(pp.SecDateTEdit, s.SecDateTEdit, IFNULL(cl.Edited, pp.SecDateTEdit), " +
               $"CONVERT_TZ({BenefitYearStart}, 'SYSTEM', '+00:00')) AS DATETIME)",
        Columns: "pp.PatNum, s.PlanNum, s.Subscriber, s.SubscriberID, pp.Ordinal, pp.Relationship, s.DateEffective, s.DateTerm, " +
                 $"pp.InsSubNum, {BenefitYearStart}",
        Read: Read);

    private static CoverageRow Read(MySqlDataReader reader) => new(
        new PmsCoverage(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            PatientPmsId: Rows.Key(reader, 2),
            PlanPmsId: Rows.Key(reader, 3),
            SubscriberPmsId: Rows.Key(reader, 4),
            SubscriberId: Rows.Text(reader, 5),
            Priority: reader.GetInt32(6),
            Relationship: InsuranceCodes.Relationship(reader.GetInt32(7)),
            EffectiveOn: InsuranceCodes.Date(reader.GetDateTime(8)),
            TerminatesOn: InsuranceCodes.Date(reader.GetDateTime(9)),
            BenefitsUsed: null,
            DeductibleMet: null),
        PatNum: reader.GetInt64(2),
        InsSubNum: reader.GetInt64(10),
        BenefitYearStart: DateOnly.FromDateTime(reader.GetDateTime(11)));

    /// <summary>
    /// Adds what each coverage has used this benefit year, as Open Dental's insurance window counts it
    /// (InsPlans.GetInsUsedDisplay plus GetPendingDisplay, and GetDedUsedDisplay): the patient's claim procedures
    /// on that subscription dated in the benefit year, paid (Received 1, Supplemental 4, and benefit
    /// Adjustment 3: InsPayAmt) or pending (NotReceived 0: InsPayEst); the deductible met is their DedApplied.
    /// One query a page, on claimproc's (InsSubNum, ...) index. Unlike Open Dental, procedures whose category
    /// has a maximum of its own (orthodontics) are not left out.
    /// </summary>
    public static async Task<IReadOnlyList<CoverageRow>> AddBenefitsUsedAsync(
        IReadOnlyList<CoverageRow> coverages, MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (coverages.Count == 0)
        {
            return coverages;
        }
        var sql = "SELECT cp.PatNum, cp.InsSubNum, cp.ProcDate, cp.Status, cp.InsPayAmt, cp.InsPayEst, cp.DedApplied FROM claimproc cp " +
                  $"WHERE cp.InsSubNum IN ({Ids(coverages.Select(c => c.InsSubNum))}) AND cp.Status IN (0, 1, 3, 4) AND cp.ProcDate >= @from";
        var procedures = new List<(long PatNum, long InsSubNum, DateOnly Date, decimal Used, decimal Deductible)>();
        await using (var command = new MySqlCommand(sql, connection))
        {
            command.Parameters.AddWithValue("@from", coverages.Min(c => c.BenefitYearStart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var pending = reader.GetInt32(3) == 0;
                procedures.Add((reader.GetInt64(0), reader.GetInt64(1), DateOnly.FromDateTime(reader.GetDateTime(2)),
                    InsuranceCodes.Money(reader.GetDouble(pending ? 5 : 4)), InsuranceCodes.Money(reader.GetDouble(6))));
            }
        }
        var bySubscription = procedures.ToLookup(p => (p.PatNum, p.InsSubNum));
        return coverages.Select(c =>
        {
            var inYear = bySubscription[(c.PatNum, c.InsSubNum)]
                .Where(p => p.Date >= c.BenefitYearStart && p.Date < c.BenefitYearStart.AddYears(1))
                .ToList();
            return c with { Coverage = c.Coverage with { BenefitsUsed = inYear.Sum(p => p.Used), DeductibleMet = inYear.Sum(p => p.Deductible) } };
        }).ToList();
    }

    /// <summary>
    /// Coverages dropped since <paramref name="since"/> (all of them on a full read). Open Dental deletes the
    /// patplan row and keeps no deletion record for it, but dropping a plan in its insurance window writes an
    /// audit row to <c>inseditpatlog</c> (LogType 0 PatPlan, FKey = PatPlanNum). A logged patplan that no longer
    /// exists was dropped. Drops that write no such row (other tools, direct SQL, versions before the table)
    /// are found by the hub's daily full read (the feed says it cannot report every deletion).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DroppedSinceAsync(MySqlConnection connection, DatabaseCursor? since, CancellationToken cancellationToken)
    {
        var sql = "SELECT DISTINCT l.FKey FROM inseditpatlog l LEFT JOIN patplan pp ON pp.PatPlanNum = l.FKey " +
                  "WHERE l.LogType = 0 AND pp.PatPlanNum IS NULL" + (since is null ? "" : " AND l.DateTStamp >= @since") + " ORDER BY l.FKey";
        await using var command = new MySqlCommand(sql, connection);
        if (since is not null)
        {
            command.Parameters.AddWithValue("@since", since.SqlTimestamp);
        }
        var dropped = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add(PatientMapping.Id(reader.GetInt64(0)));
            }
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.NoSuchTable)
        {
            // An Open Dental older than the audit table: drops cannot be seen.
        }
        return dropped;
    }

    private static string Ids(IEnumerable<long> keys) =>
        string.Join(",", keys.Distinct().Select(k => k.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>A coverage as read, with what its benefits-used query needs.</summary>
internal sealed record CoverageRow(PmsCoverage Coverage, long PatNum, long InsSubNum, DateOnly BenefitYearStart) : IPmsRecord
{
    public string PmsId => Coverage.PmsId;
}
