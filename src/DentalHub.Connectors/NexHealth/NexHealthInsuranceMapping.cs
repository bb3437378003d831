using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>NexHealth's insurance plans and coverages as DentalHub's; NexHealth records no benefits, so those stay unknown.</summary>
internal static class NexHealthInsuranceMapping
{
    public static PmsInsurancePlan ToPmsInsurancePlan(this NexInsurancePlan plan) => new(
        Id(plan.Id), Text(plan.Name), Text(plan.PayerId), null, Text(plan.GroupNum), Text(plan.EmployerName), null, null, null, false);

    /// <summary>A dental coverage; null for a medical or vision one, which is not DentalHub's to show.</summary>
    public static PmsCoverage? ToPmsCoverage(this NexInsuranceCoverage coverage)
    {
        if (coverage.InsuranceType is { } type && !string.Equals(type, "dental", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return new PmsCoverage(
            Id(coverage.Id),
            coverage.PatientId is > 0 ? Id(coverage.PatientId.Value) : null,
            coverage.PlanId is > 0 ? Id(coverage.PlanId.Value) : null,
            null,
            Text(coverage.SubscriberNum),
            // "Lowest is primary"; whether it counts from 0 or 1 is not said, so 0 is taken as primary too.
            Math.Max(coverage.Priority ?? 1, 1),
            coverage.SubscriptionRelation?.ToLowerInvariant() switch
            {
                "self" => PmsRelationship.Self,
                "spouse" or "life_partner" or "signif_other" => PmsRelationship.Spouse,
                "child" or "dependent" or "handicap_dep" => PmsRelationship.Child,
                _ => PmsRelationship.Other,
            },
            Date(coverage.EffectiveDate),
            Date(coverage.ExpirationDate),
            null,
            null);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
