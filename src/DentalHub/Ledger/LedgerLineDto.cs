namespace DentalHub.Ledger;

/// <summary>One line of a patient's ledger as the PMS has it.</summary>
/// <param name="Id">The line's PMS id.</param>
/// <param name="PmsPatientId">The patient's id in the PMS.</param>
/// <param name="PatientId">The patient's DentalHub profile; null until the patient is synced.</param>
/// <param name="Date">The day of the practice's calendar the line is on.</param>
/// <param name="Amount">Its effect on what the family owes: charges positive; payments, insurance payments, write-offs and credits negative.</param>
/// <param name="Code">The procedure code of a charge (or of the procedure insurance paid for).</param>
/// <param name="SourceId">The PMS record the line comes from: a payment's id for each of its splits, a claim's for its insurance lines.</param>
public sealed record LedgerLineDto(
    string Id, Guid ConnectionId, string? PmsPatientId, Guid? PatientId, LedgerEntryKind Kind, DateOnly Date, decimal Amount, string? Code,
    string? Description, string? ProviderId, string? ClinicId, string? SourceId, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static LedgerLineDto From(LedgerEntry e, Guid? patientId) => new(
        e.PmsId, e.ConnectionId, e.PatientPmsId, patientId, e.Kind, e.Date, e.Amount, e.Code, e.Description, e.ProviderPmsId, e.ClinicPmsId, e.SourcePmsId,
        e.UpdatedAt, e.DeletedAt);
}
