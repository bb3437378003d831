using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

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
