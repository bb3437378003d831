using System.Globalization;
using System.Text.Json.Nodes;

namespace DentalHub.TestDoubles.NexHealth;

/// <summary>Records in the shapes of the OpenAPI's examples (v3.0.0), for tests to put into the double.</summary>
public static class NexHealthRecords
{
    public static JsonObject Patient(long id, string firstName, string lastName, DateOnly? birthDate, long? guarantorId = null, string? email = null) => new()
    {
        ["id"] = id,
        ["email"] = email,
        ["first_name"] = firstName,
        ["middle_name"] = null,
        ["last_name"] = lastName,
        ["name"] = $"{firstName} {lastName}",
        ["institution_id"] = NexHealthApiTestDouble.InstitutionId,
        ["foreign_id"] = (id + 100_000).ToString(CultureInfo.InvariantCulture),
        ["foreign_id_type"] = "msg-dentrix-DataSource-100",
        ["bio"] = new JsonObject
        {
            ["city"] = "Springfield", ["state"] = "IL", ["gender"] = id % 2 == 0 ? "Female" : "Male", ["zip_code"] = "62701",
            ["new_patient"] = false, ["non_patient"] = false, ["phone_number"] = "2175550" + (id % 1000).ToString("000", CultureInfo.InvariantCulture),
            ["date_of_birth"] = birthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["address_line_1"] = $"{id} Elm St", ["address_line_2"] = "",
            ["street_address"] = "", ["cell_phone_number"] = "", ["home_phone_number"] = "", ["work_phone_number"] = "",
        },
        ["inactive"] = false,
        ["last_sync_time"] = "2026-03-01T10:30:00.000Z",
        ["guarantor_id"] = guarantorId,
        ["billing_type"] = "Standard Billing - finance charges",
        ["chart_id"] = id.ToString("000000", CultureInfo.InvariantCulture),
        ["preferred_language"] = null,
        ["provider_id"] = 104,
    };

    /// <summary>A practice of <paramref name="count"/> patients with birthdays, ids from 1001, in families of up to four.</summary>
    public static IEnumerable<JsonObject> Practice(int count) =>
        Enumerable.Range(0, count).Select(i => Patient(1001 + i, $"First{i}", $"Last{i / 4}", new DateOnly(1960, 1, 1).AddDays(i * 37 % 20_000), guarantorId: 1001 + i - i % 4));

    public static JsonObject Provider(long id, string firstName, string lastName, bool inactive = false) => new()
    {
        ["id"] = id, ["email"] = null, ["first_name"] = firstName, ["middle_name"] = null, ["last_name"] = lastName, ["name"] = $"{firstName} {lastName}",
        ["institution_id"] = NexHealthApiTestDouble.InstitutionId, ["foreign_id"] = id.ToString(CultureInfo.InvariantCulture), ["foreign_id_type"] = "msg-dentrix-DataSource-100",
        ["inactive"] = inactive, ["display_name"] = $"Dr. {lastName}", ["npi"] = "1912507500", ["tin"] = null, ["state_license"] = null, ["specialty_code"] = "1223G0001X",
    };

    public static JsonObject Operatory(long id, string name, bool active = true) => new()
    {
        ["id"] = id, ["name"] = name, ["foreign_id"] = id.ToString(CultureInfo.InvariantCulture), ["foreign_id_type"] = "msg-dentrix-DataSource-100",
        ["location_id"] = NexHealthApiTestDouble.LocationId, ["display_name"] = name, ["active"] = active, ["bookable_online"] = true,
    };

    public static JsonObject AppointmentType(long id, string name, int minutes) => new()
    {
        ["id"] = id, ["name"] = name, ["parent_type"] = "Location", ["parent_id"] = NexHealthApiTestDouble.LocationId, ["minutes"] = minutes, ["bookable_online"] = false,
    };

    /// <param name="start">When it starts, in UTC as NexHealth sends it.</param>
    public static JsonObject Appointment(long id, long patientId, long providerId, long operatoryId, DateTimeOffset start, int minutes, string timezone = "America/Chicago") => new()
    {
        ["id"] = id, ["patient_id"] = patientId, ["provider_id"] = providerId, ["provider_name"] = "Dr. Lee",
        ["start_time"] = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["end_time"] = start.AddMinutes(minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["confirmed"] = false, ["patient_missed"] = false, ["note"] = "", ["unavailable"] = false, ["cancelled"] = false, ["timezone"] = timezone,
        ["institution_id"] = NexHealthApiTestDouble.InstitutionId, ["appointment_type_id"] = null, ["checkin_at"] = null, ["location_id"] = NexHealthApiTestDouble.LocationId,
        ["foreign_id"] = (id + 5000).ToString(CultureInfo.InvariantCulture), ["foreign_id_type"] = "msg-dentrix-DataSource-100", ["misc"] = null,
        ["last_sync_time"] = "2026-03-01T10:02:11.000Z", ["is_new_clients_patient"] = false, ["operatory_id"] = operatoryId, ["checked_out"] = false,
        ["timezone_offset"] = "-6:00",
    };

    public static JsonObject InsurancePlan(long id, string name, string? groupNumber, DateTimeOffset? deletedAt = null) => new()
    {
        ["id"] = id, ["payer_id"] = "87726", ["name"] = name, ["address"] = "PO Box 1", ["address2"] = null, ["city"] = "Atlanta", ["state"] = "GA",
        ["zip_code"] = "30301", ["country_code"] = "US", ["group_num"] = groupNumber, ["employer_name"] = "Walmart", ["foreign_id"] = id.ToString(CultureInfo.InvariantCulture),
        ["deleted_at"] = deletedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    public static JsonObject Coverage(long id, long patientId, long planId, int priority, string relation = "self", string insuranceType = "dental") => new()
    {
        ["id"] = id, ["subscription_relation"] = relation, ["patient_id"] = patientId, ["priority"] = priority, ["plan_id"] = planId,
        ["subscriber_num"] = "123456789", ["effective_date"] = "2026-01-01", ["expiration_date"] = null, ["insurance_type"] = insuranceType, ["active"] = true,
    };
}
