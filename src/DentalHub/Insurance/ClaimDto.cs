namespace DentalHub.Insurance;

/// <summary>An insurance claim and where it stands; amounts positive, as the claim shows them.</summary>
/// <param name="Id">The claim's PMS id.</param>
/// <param name="PmsPatientId">The patient's id in the PMS.</param>
/// <param name="PatientId">The patient's DentalHub profile; null until the patient is synced.</param>
/// <param name="PlanId">The plan's PMS id.</param>
/// <param name="ClaimType">"Primary", "Secondary", "Preauthorization", ...</param>
public sealed record ClaimDto(
    string Id, Guid ConnectionId, string? PmsPatientId, Guid? PatientId, string? PlanId, ClaimStatus Status, string? ClaimType,
    DateOnly? ServiceDate, DateOnly? SentOn, DateOnly? ReceivedOn, decimal Billed, decimal EstimatedPayment, decimal Paid, decimal WriteOff,
    DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static ClaimDto From(Claim c, Guid? patientId) => new(
        c.PmsId, c.ConnectionId, c.PatientPmsId, patientId, c.PlanPmsId, c.Status, c.ClaimType, c.ServiceDate, c.SentOn, c.ReceivedOn,
        c.Billed, c.EstimatedPayment, c.Paid, c.WriteOff, c.UpdatedAt, c.DeletedAt);
}
