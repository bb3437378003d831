using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// An item of <c>GET /procedurelogs</c>: ProcStatus by its letters ("C" complete, "D" deleted), AptNum and PlannedAptNum
/// as strings ("0" for none).
/// </summary>
internal sealed record ApiProcedureLog(
    long ProcNum,
    long PatNum,
    long AptNum,
    long PlannedAptNum,
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

    public bool IsDeleted => string.Equals(ProcStatus?.Trim(), "D", StringComparison.Ordinal);

    public PmsAppointmentProcedure ToAppointmentProcedure() => new(
        PatientMapping.Id(ProcNum), PatientMapping.Text(ProcCode), PatientMapping.Text(Descript), ProcedureFees.OnAppointment(ProcFee, BaseUnits, UnitQty));
}
