using System.Globalization;
using System.Text;

namespace DentalHub.Connectors.Tests.Support;

/// <summary>
/// A row for Open Dental's appointment table as a test arranges it: AptDateTime as the office's wall clock (a SQL
/// literal, so '0001-01-01 00:00:00' is "no time"), AptStatus as Open Dental's number, DateTStamp in UTC.
/// Confirmed 19 is the stock "Not Called" definition, 21 "Appointment Confirmed".
/// </summary>
public sealed record AppointmentSeed(
    long AptNum,
    long PatNum,
    string AptDateTime,
    int AptStatus = 1,
    string Pattern = "//XXXX//",
    long Confirmed = 19,
    long Op = 1,
    long ProvNum = 1,
    long ProvHyg = 0,
    long ClinicNum = 0,
    long AppointmentTypeNum = 0,
    bool IsNewPatient = false,
    string Note = "",
    string DateTStamp = "2024-03-01 10:00:00")
{
    public string Id => AptNum.ToString(CultureInfo.InvariantCulture);

    public static string InsertSql(IEnumerable<AppointmentSeed> appointments)
    {
        var sql = new StringBuilder(
            "INSERT INTO appointment (AptNum, PatNum, AptDateTime, AptStatus, Pattern, Confirmed, Op, ProvNum, ProvHyg, ClinicNum, " +
            "AppointmentTypeNum, IsNewPatient, Note, DateTStamp) VALUES ");
        sql.AppendJoin(",\n", appointments.Select(a => string.Create(CultureInfo.InvariantCulture,
            $"({a.AptNum}, {a.PatNum}, {Quote(a.AptDateTime)}, {a.AptStatus}, {Quote(a.Pattern)}, {a.Confirmed}, {a.Op}, {a.ProvNum}, " +
            $"{a.ProvHyg}, {a.ClinicNum}, {a.AppointmentTypeNum}, {(a.IsNewPatient ? 1 : 0)}, {Quote(a.Note)}, {Quote(a.DateTStamp)})")));
        return sql.ToString();
    }

    /// <summary>
    /// A procedurelog row attached to an appointment (or, with <paramref name="planned"/>, to a planned one), stamped
    /// long before a test reads it unless told otherwise.
    /// </summary>
    public static string ProcedureSql(
        long procNum, long aptNum, long codeNum, string fee, int procStatus = 1, bool planned = false, int unitQty = 1, int baseUnits = 0,
        string dateTStamp = "2024-03-01 10:00:00") =>
        string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO procedurelog (ProcNum, PatNum, AptNum, PlannedAptNum, CodeNum, ProcFee, ProcStatus, UnitQty, BaseUnits, DateTStamp) " +
            $"VALUES ({procNum}, 1, {(planned ? 0 : aptNum)}, {(planned ? aptNum : 0)}, {codeNum}, {fee}, {procStatus}, {unitQty}, {baseUnits}, {Quote(dateTStamp)})");

    /// <summary>
    /// A claimproc row of a procedure, with the estimate columns as Open Dental writes them (-1 for "none" in the
    /// overrides and WriteOffEst), stamped long before a test reads it. Status: 0 NotReceived, 1 Received, 2 Preauth,
    /// 4 Supplemental, 6 Estimate.
    /// </summary>
    public static string ClaimProcSql(
        long claimProcNum, long procNum, int status, long planNum = 1, double insEstTotal = 0, double insEstTotalOverride = -1, double insPayEst = 0,
        double insPayAmt = 0, double writeOff = 0, double writeOffEst = -1, double writeOffEstOverride = -1, string secDateTEdit = "2024-03-01 10:00:00") =>
        string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO claimproc (ClaimProcNum, ProcNum, PatNum, PlanNum, Status, InsEstTotal, InsEstTotalOverride, InsPayEst, InsPayAmt, WriteOff, " +
            $"WriteOffEst, WriteOffEstOverride, AllowedOverride, DedEst, DedEstOverride, PaidOtherInsOverride, EstimateNote, SecDateTEdit) " +
            $"VALUES ({claimProcNum}, {procNum}, 1, {planNum}, {status}, {insEstTotal}, {insEstTotalOverride}, {insPayEst}, {insPayAmt}, {writeOff}, " +
            $"{writeOffEst}, {writeOffEstOverride}, -1, 0, -1, -1, '', {Quote(secDateTEdit)})");

    /// <summary>A deletedobject row reporting an appointment (ObjectType 0) or another kind of record as deleted.</summary>
    public static string DeletedSql(long deletedObjectNum, long objectNum, int objectType = 0, string dateTStamp = "2024-03-01 10:00:00") =>
        string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO deletedobject (DeletedObjectNum, ObjectNum, ObjectType, DateTStamp) VALUES ({deletedObjectNum}, {objectNum}, {objectType}, {Quote(dateTStamp)})");

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
