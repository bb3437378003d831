using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// NexHealth's records as DentalHub's. Ids are NexHealth's own (records point at each other by them: an appointment's
/// <c>patient_id</c>), not the PMS's <c>foreign_id</c>. Values are as read; what is missing or wrong is the hub's to report.
/// </summary>
internal static class NexHealthMapping
{
    public static PmsPatient ToPmsPatient(this NexPatient patient, NexHealthPms pms)
    {
        var id = Id(patient.Id);
        var bio = patient.Bio;
        return new PmsPatient(
            id,
            // Two NexHealth pages disagree on a self-guarantor: 0 in one, the patient's own id in the other.
            patient.GuarantorId is > 0 ? Id(patient.GuarantorId.Value) : id,
            Text(patient.FirstName),
            Text(patient.LastName),
            Text(patient.MiddleName),
            null,
            BirthDate(bio?.DateOfBirth),
            Gender(bio?.Gender),
            patient.Inactive == true ? PmsPatientStatus.Inactive
                : bio?.NonPatient == true ? PmsPatientStatus.NonPatient
                : bio?.NewPatient == true ? PmsPatientStatus.Prospective
                : PmsPatientStatus.Active,
            Text(patient.Email),
            new PmsPhones(Text(bio?.HomePhoneNumber) ?? Text(bio?.PhoneNumber), Text(bio?.CellPhoneNumber), Text(bio?.WorkPhoneNumber)),
            pms.ReadsAddresses && bio is not null
                ? new PmsAddress(Text(bio.AddressLine1) ?? Text(bio.StreetAddress), Text(bio.AddressLine2), Text(bio.City), Text(bio.State), Text(bio.ZipCode))
                : PmsAddress.None,
            null,
            patient.ProviderId is > 0 ? Id(patient.ProviderId.Value) : null,
            Stamp(patient.UpdatedAt));
    }

    /// <summary>A patient whose fields NexHealth sent in a shape DentalHub cannot read: its id alone, for the hub to report.</summary>
    public static PmsPatient ToBarePatient(this NexRecordId record)
    {
        var id = Id(record.Id);
        return new PmsPatient(id, id, null, null, null, null, null, PmsGender.Unknown, PmsPatientStatus.Active, null,
            PmsPhones.None, PmsAddress.None, null, null, Stamp(record.UpdatedAt));
    }

    /// <summary>The appointment in the location's wall clock; null for a block of unavailable time, which is not an appointment.</summary>
    public static PmsAppointment? ToPmsAppointment(this NexAppointment appointment, NexHealthPms pms)
    {
        if (appointment.Unavailable == true)
        {
            return null;
        }
        var length = appointment.StartTime is { } start && appointment.EndTime is { } end && end > start ? (int)(end - start).TotalMinutes : 0;
        return new PmsAppointment(
            Id(appointment.Id),
            appointment.PatientId is > 0 ? Id(appointment.PatientId.Value) : null,
            appointment.ProviderId is > 0 ? Id(appointment.ProviderId.Value) : null,
            null,
            appointment.OperatoryId is > 0 ? Id(appointment.OperatoryId.Value) : null,
            null,
            appointment.AppointmentTypeId is > 0 ? Id(appointment.AppointmentTypeId.Value) : null,
            Local(appointment.StartTime, appointment.Timezone),
            length,
            appointment.Cancelled == true ? PmsAppointmentStatus.Cancelled
                : appointment.PatientMissed == true ? PmsAppointmentStatus.Broken
                : appointment.CheckedOut == true ? PmsAppointmentStatus.Complete
                : PmsAppointmentStatus.Scheduled,
            appointment.Confirmed == true ? "Confirmed" : null,
            appointment.IsNewClientsPatient == true,
            pms.ReadsAppointmentNotes ? Text(appointment.Note) : null,
            null);
    }

    public static PmsProvider ToPmsProvider(this NexProvider provider) => new(
        Id(provider.Id), Text(provider.FirstName), Text(provider.LastName), Text(provider.DisplayName), Text(provider.Npi),
        Text(provider.SpecialtyCode), false, provider.Inactive == true, null);

    public static PmsOperatory ToPmsOperatory(this NexOperatory operatory) => new(
        Id(operatory.Id), Text(operatory.DisplayName) ?? Text(operatory.Name), Text(operatory.Name), null, null, null, false,
        operatory.Active == false, 0);

    public static PmsAppointmentType ToPmsAppointmentType(this NexAppointmentType type) =>
        new(Id(type.Id), Text(type.Name), type.Minutes is > 0 ? type.Minutes : null, null, false);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? BirthDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static PmsGender Gender(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => PmsGender.Unknown,
        "male" or "m" => PmsGender.Male,
        "female" or "f" => PmsGender.Female,
        "unknown" => PmsGender.Unknown,
        _ => PmsGender.Other,
    };

    private static DateTimeOffset? Stamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp) ? stamp : null;

    // NexHealth sends UTC with the location's zone; DentalHub keeps the PMS's wall clock. Without a zone it knows, the time
    // is left out rather than guessed an hour wrong.
    private static DateTime? Local(DateTimeOffset? start, string? zone)
    {
        if (start is not { } utc || string.IsNullOrWhiteSpace(zone))
        {
            return null;
        }
        try
        {
            return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, DateTimeKind.Unspecified);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
