namespace DentalHub.Insurance;

/// <summary>One patient's coverage by one plan.</summary>
/// <param name="Id">The coverage's PMS id.</param>
/// <param name="PmsPatientId">The covered patient's id in the PMS.</param>
/// <param name="PatientId">The covered patient's DentalHub profile; null until the patient is synced.</param>
/// <param name="PlanId">The plan's PMS id.</param>
/// <param name="PmsSubscriberId">The subscriber's patient id in the PMS.</param>
/// <param name="SubscriberId">The member id the carrier knows the subscriber by.</param>
/// <param name="Priority">1 primary, 2 secondary, ...</param>
/// <param name="Relationship">The patient's relationship to the subscriber.</param>
/// <param name="BenefitsUsed">Paid and pending this benefit year; null when the PMS connection cannot tell.</param>
public sealed record CoverageDto(
    string Id, Guid ConnectionId, string? PmsPatientId, Guid? PatientId, string? PlanId, string? PmsSubscriberId, string? SubscriberId, int Priority,
    CoverageRelationship Relationship, DateOnly? EffectiveOn, DateOnly? TerminatesOn, decimal? BenefitsUsed, decimal? DeductibleMet,
    DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static CoverageDto From(Coverage c, Guid? patientId) => new(
        c.PmsId, c.ConnectionId, c.PatientPmsId, patientId, c.PlanPmsId, c.SubscriberPmsId, c.SubscriberId, c.Priority, c.Relationship,
        c.EffectiveOn, c.TerminatesOn, c.BenefitsUsed, c.DeductibleMet, c.UpdatedAt, c.DeletedAt);
}
