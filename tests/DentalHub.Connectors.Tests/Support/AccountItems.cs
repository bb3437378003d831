using System.Globalization;

namespace DentalHub.Connectors.Tests.Support;

/// <summary>Account items for <see cref="OpenDentalApiTestDouble"/> with the fields apiprocedurelogs.html, apipaysplits.html, apiclaimprocs.html and apiadjustments.html show.</summary>
public static class AccountItems
{
    /// <summary>A procedurelog item; AptNum and PlannedAptNum come as strings, as apiprocedurelogs.html shows them.</summary>
    public static Dictionary<string, object?> Procedure(
        long procNum, long patNum, string status, string fee, string date = "2024-03-01", int unitQty = 1, int baseUnits = 0, long aptNum = 0, long plannedAptNum = 0,
        string code = "D2391") => new()
    {
        ["ProcNum"] = procNum, ["PatNum"] = patNum, ["AptNum"] = aptNum.ToString(CultureInfo.InvariantCulture),
        ["PlannedAptNum"] = plannedAptNum.ToString(CultureInfo.InvariantCulture), ["ProcDate"] = date, ["ProcFee"] = fee, ["Surf"] = "", ["ToothNum"] = "",
        ["Priority"] = 0, ["priority"] = "", ["ProcStatus"] = status, ["ProvNum"] = 1, ["provAbbr"] = "DOC1", ["Dx"] = 0, ["dxName"] = "",
        ["ClinicNum"] = 0, ["CodeNum"] = 112, ["procCode"] = code, ["descript"] = "resin-based composite - one surface, posterior",
        ["UnitQty"] = unitQty, ["BaseUnits"] = baseUnits, ["IsLocked"] = "false",
    };

    public static Dictionary<string, object?> Split(long splitNum, long payNum, long patNum, double amount, string date = "2024-03-05") => new()
    {
        ["SplitNum"] = splitNum, ["SplitAmt"] = amount, ["PatNum"] = patNum, ["PayNum"] = payNum, ["ProvNum"] = 1, ["PayPlanNum"] = 0,
        ["DatePay"] = date, ["ProcNum"] = 0, ["DateEntry"] = date, ["UnearnedType"] = 0, ["unearnedType"] = "", ["ClinicNum"] = 0,
        ["AdjNum"] = 0, ["PayPlanChargeNum"] = 0, ["PayPlanDebitType"] = "Unknown",
    };

    public static Dictionary<string, object?> ClaimProc(long claimProcNum, long claimNum, long patNum, string status, double insPayAmt, double writeOff, string dateCp = "2024-03-20") => new()
    {
        ["ClaimProcNum"] = claimProcNum, ["ProcNum"] = 0, ["ClaimNum"] = claimNum, ["PatNum"] = patNum, ["ProvNum"] = 1, ["FeeBilled"] = 0.0,
        ["InsPayEst"] = insPayAmt, ["DedApplied"] = 0.0, ["Status"] = status, ["InsPayAmt"] = insPayAmt, ["Remarks"] = "", ["ClaimPaymentNum"] = 0,
        ["PlanNum"] = 1, ["DateCP"] = dateCp, ["WriteOff"] = writeOff, ["CodeSent"] = "D2740", ["NoBillIns"] = "false", ["ClinicNum"] = 0,
        ["InsSubNum"] = 1, ["PayPlanNum"] = 0, ["IsTransfer"] = "false",
    };

    /// <summary>A claimproc item of a procedure with every estimate field apiclaimprocs.html shows (-1 for "none").</summary>
    public static Dictionary<string, object?> Estimate(
        long claimProcNum, long procNum, long patNum, string status, double insEstTotal = 0, double insEstTotalOverride = -1, double insPayEst = 0,
        double insPayAmt = 0, double writeOff = 0, double writeOffEst = -1, double writeOffEstOverride = -1, long planNum = 1) => new()
    {
        ["ClaimProcNum"] = claimProcNum, ["ProcNum"] = procNum, ["ClaimNum"] = 0, ["PatNum"] = patNum, ["ProvNum"] = 1, ["FeeBilled"] = 0.0,
        ["InsPayEst"] = insPayEst, ["DedApplied"] = 0.0, ["Status"] = status, ["InsPayAmt"] = insPayAmt, ["Remarks"] = "", ["ClaimPaymentNum"] = 0,
        ["PlanNum"] = planNum, ["DateCP"] = "0001-01-01", ["WriteOff"] = writeOff, ["CodeSent"] = "D2391", ["AllowedOverride"] = -1.0,
        ["Percentage"] = 80, ["PercentOverride"] = -1, ["CopayAmt"] = -1.0, ["NoBillIns"] = "false", ["PaidOtherIns"] = 0.0, ["BaseEst"] = insEstTotal,
        ["CopayOverride"] = -1.0, ["ProcDate"] = "2026-04-01", ["DateEntry"] = "0001-01-01", ["DedEst"] = 0.0, ["DedEstOverride"] = -1.0,
        ["InsEstTotal"] = insEstTotal, ["InsEstTotalOverride"] = insEstTotalOverride, ["PaidOtherInsOverride"] = -1.0, ["EstimateNote"] = "",
        ["WriteOffEst"] = writeOffEst, ["WriteOffEstOverride"] = writeOffEstOverride, ["ClinicNum"] = 0, ["InsSubNum"] = planNum, ["PaymentRow"] = 0,
        ["PayPlanNum"] = 0, ["ClaimPaymentTracking"] = 0, ["claimPaymentTracking"] = "", ["SecUserNumEntry"] = 1, ["SecDateEntry"] = "2026-03-01",
        ["DateSuppReceived"] = "0001-01-01", ["DateInsFinalized"] = "0001-01-01", ["IsTransfer"] = "false", ["ClaimAdjReasonCodes"] = "",
    };

    public static Dictionary<string, object?> Adjustment(long adjNum, long patNum, double amount, string typeName = "Misc Neg Adjustment", string date = "2024-03-02") => new()
    {
        ["AdjNum"] = adjNum, ["AdjDate"] = date, ["AdjAmt"] = amount, ["PatNum"] = patNum, ["AdjType"] = amount < 0 ? 1 : 2,
        ["adjType"] = typeName, ["ProvNum"] = 1, ["AdjNote"] = "", ["ProcDate"] = date, ["ProcNum"] = 0, ["DateEntry"] = date,
        ["ClinicNum"] = 0, ["SecUserNumEntry"] = 0,
    };

    public static Dictionary<string, object?> Aging(double aged0To30, double total, double insEst, double aged31To60 = 0, double aged61To90 = 0, double over90 = 0) => new()
    {
        ["Bal_0_30"] = aged0To30, ["Bal_31_60"] = aged31To60, ["Bal_61_90"] = aged61To90, ["BalOver90"] = over90, ["Total"] = total,
        ["InsEst"] = insEst, ["EstBal"] = total - insEst, ["PatEstBal"] = 0.0, ["Unearned"] = 0.0,
    };

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
