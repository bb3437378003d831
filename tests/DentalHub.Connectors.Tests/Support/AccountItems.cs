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
