using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

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
