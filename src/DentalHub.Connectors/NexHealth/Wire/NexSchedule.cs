using System.Text.Json.Serialization;

namespace DentalHub.Connectors.NexHealth.Wire;

/// <summary>An item of <c>GET /appointments</c> (OpenAPI v3.0.0, "View appointments"); times are UTC, <c>timezone</c> the location's.</summary>
internal sealed record NexAppointment(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("patient_id")] long? PatientId,
    [property: JsonPropertyName("provider_id")] long? ProviderId,
    [property: JsonPropertyName("provider_name")] string? ProviderName,
    [property: JsonPropertyName("start_time")] DateTimeOffset? StartTime,
    [property: JsonPropertyName("end_time")] DateTimeOffset? EndTime,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("confirmed")] bool? Confirmed,
    [property: JsonPropertyName("patient_missed")] bool? PatientMissed,
    [property: JsonPropertyName("cancelled")] bool? Cancelled,
    [property: JsonPropertyName("unavailable")] bool? Unavailable,
    [property: JsonPropertyName("checked_out")] bool? CheckedOut,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("appointment_type_id")] long? AppointmentTypeId,
    [property: JsonPropertyName("operatory_id")] long? OperatoryId,
    [property: JsonPropertyName("location_id")] long? LocationId,
    [property: JsonPropertyName("is_new_clients_patient")] bool? IsNewClientsPatient,
    [property: JsonPropertyName("foreign_id")] string? ForeignId,
    [property: JsonPropertyName("last_sync_time")] string? LastSyncTime,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt) : INexRecord;

/// <summary>An item of <c>GET /providers</c>.</summary>
internal sealed record NexProvider(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("npi")] string? Npi,
    [property: JsonPropertyName("specialty_code")] string? SpecialtyCode,
    [property: JsonPropertyName("inactive")] bool? Inactive,
    [property: JsonPropertyName("foreign_id")] string? ForeignId,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt) : INexRecord;

/// <summary>An item of <c>GET /operatories</c>.</summary>
internal sealed record NexOperatory(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("location_id")] long? LocationId,
    [property: JsonPropertyName("active")] bool? Active,
    [property: JsonPropertyName("foreign_id")] string? ForeignId,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt) : INexRecord;

/// <summary>An item of <c>GET /appointment_types</c>: NexHealth's own types (the PMS's are its descriptors). It has no change stamp.</summary>
internal sealed record NexAppointmentType(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("parent_type")] string? ParentType,
    [property: JsonPropertyName("parent_id")] long? ParentId,
    [property: JsonPropertyName("minutes")] int? Minutes,
    [property: JsonPropertyName("bookable_online")] bool? BookableOnline) : INexRecord
{
    public string? UpdatedAt => null;
}

/// <summary>An item of <c>GET /sync_status</c>: the sync serving some locations of the practice, and the system behind it.</summary>
internal sealed record NexSyncStatus(
    [property: JsonPropertyName("institution_id")] long? InstitutionId,
    [property: JsonPropertyName("emr")] NexEmr? Emr,
    [property: JsonPropertyName("read_status")] string? ReadStatus,
    [property: JsonPropertyName("read_status_at")] DateTimeOffset? ReadStatusAt,
    [property: JsonPropertyName("write_status")] string? WriteStatus,
    [property: JsonPropertyName("write_status_at")] DateTimeOffset? WriteStatusAt,
    [property: JsonPropertyName("locations")] IReadOnlyList<NexSyncLocation>? Locations);

internal sealed record NexEmr(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("type")] string? Type);

internal sealed record NexSyncLocation(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("inactive")] bool? Inactive);
