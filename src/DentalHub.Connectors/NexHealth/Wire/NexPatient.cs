using System.Text.Json.Serialization;

namespace DentalHub.Connectors.NexHealth.Wire;

/// <summary>
/// An item of <c>GET /patients</c> (OpenAPI v3.0.0 / v20240412, "View patients"). <c>bio</c>'s fields depend on the
/// system and on what the practice entered: "you cannot assume any field will consistently be returned".
/// </summary>
internal sealed record NexPatient(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("middle_name")] string? MiddleName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt,
    [property: JsonPropertyName("institution_id")] long? InstitutionId,
    [property: JsonPropertyName("foreign_id")] string? ForeignId,
    [property: JsonPropertyName("foreign_id_type")] string? ForeignIdType,
    [property: JsonPropertyName("bio")] NexBio? Bio,
    [property: JsonPropertyName("inactive")] bool? Inactive,
    [property: JsonPropertyName("last_sync_time")] string? LastSyncTime,
    [property: JsonPropertyName("guarantor_id")] long? GuarantorId,
    [property: JsonPropertyName("chart_id")] string? ChartId,
    [property: JsonPropertyName("provider_id")] long? ProviderId) : INexRecord;

/// <summary>A patient's <c>bio</c>.</summary>
internal sealed record NexBio(
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("gender")] string? Gender,
    [property: JsonPropertyName("zip_code")] string? ZipCode,
    [property: JsonPropertyName("new_patient")] bool? NewPatient,
    [property: JsonPropertyName("non_patient")] bool? NonPatient,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("date_of_birth")] string? DateOfBirth,
    [property: JsonPropertyName("address_line_1")] string? AddressLine1,
    [property: JsonPropertyName("address_line_2")] string? AddressLine2,
    [property: JsonPropertyName("street_address")] string? StreetAddress,
    [property: JsonPropertyName("cell_phone_number")] string? CellPhoneNumber,
    [property: JsonPropertyName("home_phone_number")] string? HomePhoneNumber,
    [property: JsonPropertyName("work_phone_number")] string? WorkPhoneNumber);

/// <summary>What every NexHealth record has: its NexHealth id and when NexHealth's copy of it last changed.</summary>
internal interface INexRecord
{
    long Id { get; }

    string? UpdatedAt { get; }
}

/// <summary>The least of a record, read when the rest of it cannot be.</summary>
internal sealed record NexRecordId(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt) : INexRecord;
