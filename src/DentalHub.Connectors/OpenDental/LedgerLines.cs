using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// How Open Dental's account rows become ledger lines, whichever way they were read (database or API). The
/// amounts follow Open Dental's own aging (OpenDentBusiness Ledgers: GetTransQueryString), so that the lines
/// of a family add up to the balance Open Dental shows:
/// <list type="bullet">
/// <item>A complete procedure (ProcStatus 2) charges <c>ProcFee * (UnitQty + BaseUnits)</c>, dated ProcDate.
/// That is what the aging and the account module's queries charge; the procedure window's "fee total" shows
/// <c>ProcFee * max(1, UnitQty + BaseUnits)</c>, which differs only for a row with no units at all (UnitQty
/// defaults to 1), which Open Dental's balance then counts as zero and so does DentalHub.</item>
/// <item>A paysplit is one patient's part of a payment: <c>-SplitAmt</c> on DatePay (a refund's negative
/// split charges).</item>
/// <item>An adjustment is AdjAmt as it is: positive charges, negative credits; dated AdjDate.</item>
/// <item>A claimproc whose insurance money counts (Received, Supplemental, CapClaim, CapComplete: the statuses
/// the aging counts) gives up to two lines dated DateCP: <c>-InsPayAmt</c> as an insurance payment and
/// <c>-WriteOff</c> as a write-off. A zero amount gives no line; an estimate (NotReceived) none at all.</item>
/// </list>
/// Ids carry the kind ("proc:12", "adj:3", "split:7", "cpins:5", "cpwo:5") so they are unique across tables.
/// Payment plans are not read: a split or an insurance payment attached to a plan is read like any other,
/// and payment plan charges are not lines, so a family on a payment plan can age differently here.
/// </summary>
internal static class LedgerLines
{
    public const int CompleteProcedure = 2;

    public static string ProcedureId(long procNum) => "proc:" + PatientMapping.Id(procNum);

    public static string AdjustmentId(long adjNum) => "adj:" + PatientMapping.Id(adjNum);

    public static string SplitId(long splitNum) => "split:" + PatientMapping.Id(splitNum);

    public static string InsurancePaymentId(long claimProcNum) => "cpins:" + PatientMapping.Id(claimProcNum);

    public static string WriteOffId(long claimProcNum) => "cpwo:" + PatientMapping.Id(claimProcNum);

    /// <summary>A procedure row: a charge when complete; otherwise it is no ledger line (any more).</summary>
    public static RowChanges<PmsLedgerEntry> Procedure(
        long procNum, long patNum, bool complete, DateOnly procDate, decimal procFee, int unitQty, int baseUnits,
        string? code, string? description, long provNum, long clinicNum) =>
        complete
            ? RowChanges<PmsLedgerEntry>.Of(new PmsLedgerEntry(
                ProcedureId(procNum), PatientMapping.OptionalId(patNum), PmsLedgerKind.Charge, procDate,
                Money(procFee * (unitQty + baseUnits)), PatientMapping.Text(code), PatientMapping.Text(description),
                PatientMapping.OptionalId(provNum), PatientMapping.OptionalId(clinicNum), PatientMapping.Id(procNum)))
            : RowChanges<PmsLedgerEntry>.Gone(ProcedureId(procNum));

    public static PmsLedgerEntry Adjustment(
        long adjNum, long patNum, DateOnly adjDate, decimal adjAmt, string? typeName, long provNum, long clinicNum) =>
        new(AdjustmentId(adjNum), PatientMapping.OptionalId(patNum), PmsLedgerKind.Adjustment, adjDate, Money(adjAmt),
            null, PatientMapping.Text(typeName), PatientMapping.OptionalId(provNum), PatientMapping.OptionalId(clinicNum), PatientMapping.Id(adjNum));

    public static PmsLedgerEntry Split(
        long splitNum, long patNum, DateOnly datePay, decimal splitAmt, string? payTypeName, long provNum, long clinicNum, long payNum) =>
        new(SplitId(splitNum), PatientMapping.OptionalId(patNum), PmsLedgerKind.PatientPayment, datePay, -Money(splitAmt),
            null, PatientMapping.Text(payTypeName), PatientMapping.OptionalId(provNum), PatientMapping.OptionalId(clinicNum), PatientMapping.OptionalId(payNum));

    /// <summary>A claimproc row: an insurance payment and a write-off line when they count, and the ids of those that do not.</summary>
    public static RowChanges<PmsLedgerEntry> ClaimProc(
        long claimProcNum, int status, long patNum, DateOnly dateCp, decimal insPayAmt, decimal writeOff,
        string? code, string? carrierName, long provNum, long clinicNum, long claimNum)
    {
        var counts = CountsForBalance(status);
        var records = new List<PmsLedgerEntry>(2);
        var deleted = new List<string>(2);
        Line(InsurancePaymentId(claimProcNum), PmsLedgerKind.InsurancePayment, counts ? Money(insPayAmt) : 0m);
        Line(WriteOffId(claimProcNum), PmsLedgerKind.WriteOff, counts ? Money(writeOff) : 0m);
        return new RowChanges<PmsLedgerEntry>(records, deleted);

        void Line(string id, PmsLedgerKind kind, decimal amount)
        {
            if (amount == 0m)
            {
                deleted.Add(id);
                return;
            }
            records.Add(new PmsLedgerEntry(id, PatientMapping.OptionalId(patNum), kind, dateCp, -amount, PatientMapping.Text(code),
                PatientMapping.Text(carrierName), PatientMapping.OptionalId(provNum), PatientMapping.OptionalId(clinicNum), PatientMapping.OptionalId(claimNum)));
        }
    }

    /// <summary>Received (1), Supplemental (4), CapClaim (5) and CapComplete (7): the claimproc statuses whose money Open Dental's aging counts.</summary>
    public static bool CountsForBalance(int status) => status is 1 or 4 or 5 or 7;

    /// <summary>ClaimProcStatus by the name the API writes (apiclaimprocs.html); -1 when unknown.</summary>
    public static int ClaimProcStatus(string? name) => name?.Trim() switch
    {
        "NotReceived" => 0,
        "Received" => 1,
        "Preauth" => 2,
        "Adjustment" => 3,
        "Supplemental" => 4,
        "CapClaim" => 5,
        "Estimate" => 6,
        "CapComplete" => 7,
        "CapEstimate" => 8,
        "InsHist" => 9,
        _ => -1,
    };

    /// <summary>Open Dental keeps money in doubles; DentalHub in cents, rounded as MySQL's ROUND does.</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Money(double amount) => Money(Convert.ToDecimal(amount));
}
