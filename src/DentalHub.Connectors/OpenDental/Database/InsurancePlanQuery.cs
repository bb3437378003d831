using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>insplan</c> with its <c>carrier</c>, <c>employer</c> and <c>benefit</c> rows. The plan
/// changes when any of them does, so its change stamp is the newest of insplan.SecDateTEdit,
/// carrier.SecDateTEdit and the plan's newest benefit.SecDateTEdit: renaming a carrier brings back every plan
/// of that carrier. No index can serve that expression, so each page reads the plans with their carriers and
/// groups the benefit table by plan: plans number in the hundreds or thousands, benefits about twenty a plan.
/// Missed: an employer renamed (employer has no stamp) and a benefit deleted without any other edit to the
/// plan; the next edit of the plan, or a full read, brings them.
/// </summary>
internal static class InsurancePlanQuery
{
    public static ChangeQuery<PmsInsurancePlan> Query { get; } = new(
        From: "insplan p " +
              "LEFT JOIN carrier c ON c.CarrierNum = p.CarrierNum " +
              "LEFT JOIN employer e ON e.EmployerNum = p.EmployerNum " +
              "LEFT JOIN (SELECT PlanNum, MAX(SecDateTEdit) AS Edited FROM benefit WHERE PlanNum <> 0 GROUP BY PlanNum) b ON b.PlanNum = p.PlanNum",
        Key: "p.PlanNum",
        Stamp: "CAST(GREATEST(p.SecDateTEdit, IFNULL(c.SecDateTEdit, p.SecDateTEdit), IFNULL(b.Edited, p.SecDateTEdit)) AS DATETIME)",
        Columns: "c.CarrierName, p.CarrierNum, p.GroupName, p.GroupNum, e.EmpName, p.PlanType, p.IsHidden",
        Read: reader => new PmsInsurancePlan(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            CarrierName: Rows.Text(reader, 2),
            CarrierPmsId: Rows.Key(reader, 3),
            GroupName: Rows.Text(reader, 4),
            GroupNumber: Rows.Text(reader, 5),
            Employer: Rows.Text(reader, 6),
            PlanType: InsuranceCodes.PlanType(reader.IsDBNull(7) ? null : reader.GetString(7)),
            AnnualMaximum: null,
            Deductible: null,
            IsHidden: reader.GetInt32(8) != 0));

    /// <summary>
    /// Adds each plan's annual maximum and deductible, read the way Open Dental's insurance window shows them
    /// (Benefits.GetAnnualMaxDisplay and GetDeductGeneralDisplay): plan-level benefits (not a patient's
    /// override) of type Limitations (5) or Deductible (2), for a calendar or service year (TimePeriod 2 or 1),
    /// per individual (CoverageLevel 1), without a quantity or procedure code, in no category or a general
    /// one (covcat.EbenefitCat None or General). A benefit without a category wins over one with; then the
    /// smallest amount. MonetaryAmt -1 means empty and is skipped.
    /// </summary>
    public static async Task<IReadOnlyList<PmsInsurancePlan>> AddBenefitsAsync(
        IReadOnlyList<PmsInsurancePlan> plans, MySqlConnection connection, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return plans;
        }
        var sql = "SELECT b.PlanNum, b.BenefitType, b.CovCatNum, b.MonetaryAmt FROM benefit b " +
                  "LEFT JOIN covcat cc ON cc.CovCatNum = b.CovCatNum " +
                  $"WHERE b.PlanNum IN ({string.Join(",", plans.Select(p => p.PmsId))}) AND b.PatPlanNum = 0 " +
                  "AND b.BenefitType IN (2, 5) AND b.QuantityQualifier = 0 AND b.TimePeriod IN (1, 2) AND b.CoverageLevel = 1 " +
                  "AND b.CodeNum = 0 AND (b.CovCatNum = 0 OR cc.EbenefitCat IN (0, 1)) AND b.MonetaryAmt >= 0";
        var found = new List<(string PlanNum, int Type, bool NoCategory, decimal Amount)>();
        await using (var command = new MySqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((PatientMapping.Id(reader.GetInt64(0)), reader.GetInt32(1), reader.GetInt64(2) == 0, InsuranceCodes.Money(reader.GetDouble(3))));
            }
        }
        var byPlan = found.ToLookup(b => b.PlanNum);
        return plans.Select(p => p with
        {
            AnnualMaximum = Pick(byPlan[p.PmsId], type: 5),
            Deductible = Pick(byPlan[p.PmsId], type: 2),
        }).ToList();
    }

    private static decimal? Pick(IEnumerable<(string PlanNum, int Type, bool NoCategory, decimal Amount)> benefits, int type) =>
        benefits.Where(b => b.Type == type)
            .OrderBy(b => b.NoCategory ? 0 : 1)
            .ThenBy(b => b.Amount)
            .Select(b => (decimal?)b.Amount)
            .FirstOrDefault();
}
