using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// The ledger in database mode: four tables, each read after its own change stamp (<see cref="MultiTableFeed{T}"/>),
/// each row turned into lines by <see cref="LedgerLines"/>.
/// <para>What is found and what is not:</para>
/// <list type="bullet">
/// <item>Procedures are never deleted; one set back from complete (or to Deleted, status 6) changes its DateTStamp
/// and is reported deleted. Claimprocs whose payment is taken back to NotReceived, or whose amount becomes zero,
/// are reported deleted the same way (their SecDateTEdit changes). Estimates and other statuses that never carry
/// money are not read.</item>
/// <item>Open Dental deletes paysplit, adjustment and claimproc rows outright (a payment deleted or split again, an
/// adjustment deleted, a supplemental payment removed), and no table records that. So the feed says it cannot report
/// every deletion (<see cref="ChangeFeeds.WithUntracedDeletions{T}"/>) and the hub reads the four tables whole once
/// a day, marking the lines it no longer finds as deleted: a line deleted in Open Dental leaves the hub by the next
/// morning. (A sweep of each table's keys for gaps would cost less to read but would also report every estimate
/// Open Dental ever deleted and re-created, most claimproc keys.)</item>
/// <item>Renaming an adjustment type or changing a payment's type does not stamp the lines that show the name;
/// they show the old name until the row itself changes.</item>
/// </list>
/// </summary>
internal static class LedgerQuery
{
    public static IReadOnlyList<TableSource<PmsLedgerEntry>> Sources { get; } =
    [
        new("proc", new ChangeQuery<RowChanges<PmsLedgerEntry>>(
                From: "procedurelog pl LEFT JOIN procedurecode pc ON pc.CodeNum = pl.CodeNum",
                Key: "pl.ProcNum",
                Stamp: "pl.DateTStamp",
                Columns: "pl.PatNum, pl.ProcStatus, pl.ProcDate, pl.ProcFee, pl.UnitQty, pl.BaseUnits, pc.ProcCode, pc.Descript, pl.ProvNum, pl.ClinicNum",
                Read: reader => LedgerLines.Procedure(
                    procNum: reader.GetInt64(1),
                    patNum: reader.GetInt64(2),
                    complete: reader.GetInt32(3) == LedgerLines.CompleteProcedure,
                    procDate: Date(reader, 4),
                    procFee: Money(reader, 5),
                    unitQty: reader.GetInt32(6),
                    baseUnits: reader.GetInt32(7),
                    code: Rows.Text(reader, 8),
                    description: Rows.Text(reader, 9),
                    provNum: reader.GetInt64(10),
                    clinicNum: reader.GetInt64(11))),
            $"SELECT COUNT(*) FROM procedurelog WHERE ProcStatus = {LedgerLines.CompleteProcedure}"),
        new("adj", new ChangeQuery<RowChanges<PmsLedgerEntry>>(
                From: "adjustment a LEFT JOIN definition d ON d.DefNum = a.AdjType",
                Key: "a.AdjNum",
                Stamp: "a.SecDateTEdit",
                Columns: "a.PatNum, a.AdjDate, a.AdjAmt, d.ItemName, a.ProvNum, a.ClinicNum",
                Read: reader => RowChanges<PmsLedgerEntry>.Of(LedgerLines.Adjustment(
                    adjNum: reader.GetInt64(1),
                    patNum: reader.GetInt64(2),
                    adjDate: Date(reader, 3),
                    adjAmt: Money(reader, 4),
                    typeName: Rows.Text(reader, 5),
                    provNum: reader.GetInt64(6),
                    clinicNum: reader.GetInt64(7)))),
            "SELECT COUNT(*) FROM adjustment"),
        new("split", new ChangeQuery<RowChanges<PmsLedgerEntry>>(
                From: "paysplit ps LEFT JOIN payment p ON p.PayNum = ps.PayNum LEFT JOIN definition d ON d.DefNum = p.PayType",
                Key: "ps.SplitNum",
                Stamp: "ps.SecDateTEdit",
                Columns: "ps.PatNum, ps.DatePay, ps.SplitAmt, d.ItemName, p.PayType, ps.ProvNum, ps.ClinicNum, ps.PayNum",
                Read: reader => RowChanges<PmsLedgerEntry>.Of(LedgerLines.Split(
                    splitNum: reader.GetInt64(1),
                    patNum: reader.GetInt64(2),
                    datePay: Date(reader, 3),
                    splitAmt: Money(reader, 4),
                    // PayType 0 is Open Dental's income transfer: money moved between family members or providers.
                    payTypeName: Rows.Text(reader, 5) ?? (!reader.IsDBNull(6) && reader.GetInt64(6) == 0 ? "Income transfer" : null),
                    provNum: reader.GetInt64(7),
                    clinicNum: reader.GetInt64(8),
                    payNum: reader.GetInt64(9)))),
            "SELECT COUNT(*) FROM paysplit"),
        new("claimproc", new ChangeQuery<RowChanges<PmsLedgerEntry>>(
                From: "claimproc cp LEFT JOIN insplan ip ON ip.PlanNum = cp.PlanNum LEFT JOIN carrier c ON c.CarrierNum = ip.CarrierNum",
                Key: "cp.ClaimProcNum",
                Stamp: "cp.SecDateTEdit",
                Columns: "cp.PatNum, cp.Status, cp.DateCP, cp.InsPayAmt, cp.WriteOff, cp.CodeSent, c.CarrierName, cp.ProvNum, cp.ClinicNum, cp.ClaimNum",
                Read: reader => LedgerLines.ClaimProc(
                    claimProcNum: reader.GetInt64(1),
                    patNum: reader.GetInt64(2),
                    status: reader.GetInt32(3),
                    dateCp: Date(reader, 4),
                    insPayAmt: Money(reader, 5),
                    writeOff: Money(reader, 6),
                    code: Rows.Text(reader, 7),
                    carrierName: Rows.Text(reader, 8),
                    provNum: reader.GetInt64(9),
                    clinicNum: reader.GetInt64(10),
                    claimNum: reader.GetInt64(11)),
                // NotReceived too: a payment taken back leaves Received for it, and its lines must go.
                Where: "cp.Status IN (0, 1, 4, 5, 7)"),
            "SELECT COALESCE(SUM((Status IN (1, 4, 5, 7) AND ROUND(InsPayAmt, 2) <> 0) + (Status IN (1, 4, 5, 7) AND ROUND(WriteOff, 2) <> 0)), 0) FROM claimproc"),
    ];

    public static DateOnly Date(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? PatientMapping.NoDate : DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    public static decimal Money(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0m : LedgerLines.Money(reader.GetDouble(ordinal));
}
