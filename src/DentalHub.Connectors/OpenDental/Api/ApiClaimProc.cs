using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// An item of <c>GET /claimprocs</c>: Status by its name ("Received"); no carrier name. The estimate columns are
/// nullable so that an item without them reads as "none" (-1), not as an override of zero.
/// </summary>
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
    string? SecDateTEdit,
    long ProcNum = 0,
    decimal? InsPayEst = null,
    decimal? InsEstTotal = null,
    decimal? InsEstTotalOverride = null,
    decimal? WriteOffEst = null,
    decimal? WriteOffEstOverride = null)
{
    public RowChanges<PmsLedgerEntry> ToLines() => LedgerLines.ClaimProc(
        ClaimProcNum, LedgerLines.ClaimProcStatus(Status), PatNum, ApiLedgerWire.Date(DateCP), InsPayAmt, WriteOff,
        CodeSent, null, ProvNum, ClinicNum, ClaimNum);

    /// <summary>What this row adds to its procedure's insurance estimate and write-off.</summary>
    public ClaimProcEstimates.Share ToShare() => ClaimProcEstimates.Of(
        LedgerLines.ClaimProcStatus(Status), InsPayEst ?? 0m, InsPayAmt, WriteOff, InsEstTotal ?? 0m, InsEstTotalOverride ?? -1m,
        WriteOffEst ?? -1m, WriteOffEstOverride ?? -1m);
}
