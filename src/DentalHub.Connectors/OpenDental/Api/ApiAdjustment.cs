using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

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
