using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /patplans</c> (opendental.com/site/apipatplans.html, 22.4.27+): Relationship by name
/// ("Self", "SignifOther"). The list filters only by PatNum and InsSubNum, so coverages are read whole every run.
/// </summary>
internal sealed record ApiPatPlan(
    long PatPlanNum,
    long PatNum,
    int Ordinal,
    string? Relationship,
    long InsSubNum,
    string? ServerDateTime) : IServerTimed, IPmsRecord
{
    public string PmsId => PatientMapping.Id(PatPlanNum);

    /// <summary>
    /// The coverage with its subscription. Benefits used are unknown in API mode: claim procedures can only be
    /// listed per patient, claim or procedure, a call per coverage that a sync cannot afford.
    /// </summary>
    public PmsCoverage ToPmsCoverage(ApiInsSub? subscription) => new(
        PmsId: PmsId,
        PatientPmsId: PatientMapping.OptionalId(PatNum),
        PlanPmsId: subscription is null ? null : PatientMapping.OptionalId(subscription.PlanNum),
        SubscriberPmsId: subscription is null ? null : PatientMapping.OptionalId(subscription.Subscriber),
        SubscriberId: PatientMapping.Text(subscription?.SubscriberID),
        Priority: Ordinal,
        Relationship: InsuranceCodes.Relationship(Relationship),
        EffectiveOn: InsuranceCodes.Date(subscription?.DateEffective),
        TerminatesOn: InsuranceCodes.Date(subscription?.DateTerm),
        BenefitsUsed: null,
        DeductibleMet: null);
}
