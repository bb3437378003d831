using System.Text.Json.Serialization;

namespace DentalHub.Connectors.NexHealth.Wire;

/// <summary>An item of <c>GET /insurance_plans</c> (OpenAPI v3.0.0); <c>deleted_at</c> set on a plan deleted in the system.</summary>
internal sealed record NexInsurancePlan(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("payer_id")] string? PayerId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("group_num")] string? GroupNum,
    [property: JsonPropertyName("employer_name")] string? EmployerName,
    [property: JsonPropertyName("foreign_id")] string? ForeignId,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt,
    [property: JsonPropertyName("deleted_at")] string? DeletedAt) : INexRecord;

/// <summary>An item of <c>GET /insurance_coverages</c>: only active coverages unless asked.</summary>
internal sealed record NexInsuranceCoverage(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("subscription_relation")] string? SubscriptionRelation,
    [property: JsonPropertyName("patient_id")] long? PatientId,
    [property: JsonPropertyName("priority")] int? Priority,
    [property: JsonPropertyName("plan_id")] long? PlanId,
    [property: JsonPropertyName("subscriber_num")] string? SubscriberNum,
    [property: JsonPropertyName("effective_date")] string? EffectiveDate,
    [property: JsonPropertyName("expiration_date")] string? ExpirationDate,
    [property: JsonPropertyName("insurance_type")] string? InsuranceType,
    [property: JsonPropertyName("active")] bool? Active,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt) : INexRecord;
