using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The account endpoints' items, as opendental.com/site/api{procedurelogs,paysplits,adjustments,claimprocs}.html
/// show them. These items carry a number and a name under names that differ only in case ("AdjType": 1 and
/// "adjType": "Misc Neg Adjustment", "Priority"/"priority"), so they are read with case-sensitive names.
/// Money may come as a number or a string ("ProcFee": "130.00").
/// </summary>
internal static class ApiLedgerWire
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>A "yyyy-MM-dd" date (a date-time's date part); anything else is Open Dental's "no date", which the hub reports.</summary>
    public static DateOnly Date(string? text) => PatientMapping.BirthDate(text) ?? PatientMapping.NoDate;

    /// <summary>
    /// Whether a SecDateTEdit is after <paramref name="since"/>. Some versions write only the date
    /// ("2023-01-27", as apipaysplits.html shows); such a row counts as changed on its whole day.
    /// </summary>
    public static bool ChangedAfter(string? stamp, DateTime? since)
    {
        if (since is null)
        {
            return true;
        }
        if (ApiCursor.ParseWire(stamp) is { } time)
        {
            return time > since;
        }
        return !DateOnly.TryParseExact(stamp?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day >= DateOnly.FromDateTime(since.Value);
    }
}

/// <summary>An item of <c>GET /procedurelogs</c>: ProcStatus by its letters ("C" is complete).</summary>
internal sealed record ApiProcedureLog(
    long ProcNum,
    long PatNum,
    string? ProcDate,
    decimal ProcFee,
    string? ProcStatus,
    long ProvNum,
    long ClinicNum,
    [property: JsonPropertyName("procCode")] string? ProcCode,
    [property: JsonPropertyName("descript")] string? Descript,
    int UnitQty,
    int BaseUnits,
    string? DateTStamp,
    [property: JsonPropertyName("serverDateTime")] string? ServerDateTime) : IServerTimed
{
    public RowChanges<PmsLedgerEntry> ToLines() => LedgerLines.Procedure(
        ProcNum, PatNum, string.Equals(ProcStatus?.Trim(), "C", StringComparison.Ordinal), ApiLedgerWire.Date(ProcDate),
        LedgerLines.Money(ProcFee), UnitQty, BaseUnits, ProcCode, Descript, ProvNum, ClinicNum);
}

/// <summary>An item of <c>GET /paysplits</c> (no payment type name: the list does not carry it).</summary>
internal sealed record ApiPaySplit(
    long SplitNum,
    decimal SplitAmt,
    long PatNum,
    long PayNum,
    long ProvNum,
    string? DatePay,
    long ClinicNum,
    string? SecDateTEdit)
{
    public PmsLedgerEntry ToLine() =>
        LedgerLines.Split(SplitNum, PatNum, ApiLedgerWire.Date(DatePay), SplitAmt, null, ProvNum, ClinicNum, PayNum);
}

/// <summary>An item of <c>GET /adjustments?PatNum=</c>: AdjType is the definition's number, adjType its name.</summary>
internal sealed record ApiAdjustment(
    long AdjNum,
    string? AdjDate,
    decimal AdjAmt,
    long PatNum,
    [property: JsonPropertyName("adjType")] string? AdjTypeName,
    long ProvNum,
    long ClinicNum,
    string? SecDateTEdit)
{
    public PmsLedgerEntry ToLine() =>
        LedgerLines.Adjustment(AdjNum, PatNum, ApiLedgerWire.Date(AdjDate), AdjAmt, AdjTypeName, ProvNum, ClinicNum);
}

/// <summary>An item of <c>GET /claimprocs</c>: Status by its name ("Received"); no carrier name.</summary>
internal sealed record ApiClaimProc(
    long ClaimProcNum,
    long ClaimNum,
    long PatNum,
    long ProvNum,
    string? Status,
    decimal InsPayAmt,
    string? DateCP,
    decimal WriteOff,
    string? CodeSent,
    long ClinicNum,
    string? SecDateTEdit)
{
    public RowChanges<PmsLedgerEntry> ToLines() => LedgerLines.ClaimProc(
        ClaimProcNum, LedgerLines.ClaimProcStatus(Status), PatNum, ApiLedgerWire.Date(DateCP), InsPayAmt, WriteOff,
        CodeSent, null, ProvNum, ClinicNum, ClaimNum);
}

/// <summary><c>GET /accountmodules/{PatNum}/Aging</c> (apiaccountmodules.html, 22.3.6+): the family's aging as the Account module shows it.</summary>
internal sealed record ApiAging(
    decimal Bal_0_30,
    decimal Bal_31_60,
    decimal Bal_61_90,
    decimal BalOver90,
    decimal Total,
    decimal InsEst,
    decimal EstBal)
{
    public PmsFamilyBalance ToBalance(long guarantor) => new(
        PatientMapping.Id(guarantor), PatientMapping.Id(guarantor),
        LedgerLines.Money(Bal_0_30), LedgerLines.Money(Bal_31_60), LedgerLines.Money(Bal_61_90), LedgerLines.Money(BalOver90),
        LedgerLines.Money(Total), LedgerLines.Money(InsEst), LedgerLines.Money(EstBal));
}
