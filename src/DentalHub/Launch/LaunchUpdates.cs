using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Patients.Phones;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Launch;

/// <summary>A field the PMS owns that a launch would change on the profile, named in words; values stay out of logs.</summary>
public sealed record FieldUpdate(string Field, Action<Patient, PatientLink> Apply);

/// <summary>
/// What a launch sends that differs from a linked profile, for a connection sync does not read (the launch is all the
/// PMS ever tells DentalHub): the fields the PMS owns, each only when the launch sends it, so a launch without an e-mail
/// never clears one. A name differing only in case or accents is an update; any other name or birthdate change is a
/// difference a person settles (<see cref="LaunchService"/>).
/// </summary>
public static class LaunchUpdates
{
    public static IReadOnlyList<FieldUpdate> Of(Patient patient, PatientLink link, LaunchRequest request, bool includingDifferences)
    {
        var updates = new List<FieldUpdate>();
        if (Text(request.FirstName, PatientValidation.NameLength) is { } first && first != patient.FirstName
            && (includingDifferences || MatchKeys.Normalize(first) == MatchKeys.Normalize(patient.FirstName)))
        {
            updates.Add(new("first name", (p, _) => p.FirstName = first));
        }
        if (Text(request.LastName, PatientValidation.NameLength) is { } last && last != patient.LastName
            && (includingDifferences || MatchKeys.Normalize(last) == MatchKeys.Normalize(patient.LastName)))
        {
            updates.Add(new("last name", (p, _) => p.LastName = last));
        }
        if (includingDifferences && request.BirthDate is { } birth && birth != patient.BirthDate)
        {
            updates.Add(new("birthdate", (p, _) => p.BirthDate = birth));
        }
        if (Email(request.Email) is { } email && !string.Equals(email, patient.Email, StringComparison.OrdinalIgnoreCase))
        {
            updates.Add(new("e-mail", (p, _) => p.Email = email));
        }
        if (Text(request.HomePhone, PatientValidation.PhoneLength) is { } home && PhoneDigits.Normalize(home) != PhoneDigits.Normalize(patient.HomePhone))
        {
            updates.Add(new("home phone", (p, _) => p.HomePhone = home));
        }
        if (Text(request.MobilePhone, PatientValidation.PhoneLength) is { } mobile && PhoneDigits.Normalize(mobile) != PhoneDigits.Normalize(patient.MobilePhone))
        {
            updates.Add(new("mobile phone", (p, _) => p.MobilePhone = mobile));
        }
        if (Text(request.AccountHolderId, 64) is { } holder && holder != link.GuarantorPmsId)
        {
            updates.Add(new("account holder", (_, l) => l.GuarantorPmsId = holder));
        }
        return updates;
    }

    /// <summary>Applies the updates to the tracked profile and link, with the phone search rows and match key that follow.</summary>
    public static async Task ApplyAsync(DentalHubDb db, Patient patient, PatientLink link, IReadOnlyList<FieldUpdate> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            update.Apply(patient, link);
        }
        if (patient.BirthDate is { } birth)
        {
            patient.MatchKey = MatchKeys.For(patient.FirstName, patient.LastName, birth);
        }
        patient.UpdatedAt = now;
        link.SyncedAt = now;
        await db.PatientPhones.Where(p => p.PatientId == patient.Id && p.ContactId == Guid.Empty && (p.Kind == PhoneKind.Home || p.Kind == PhoneKind.Mobile))
            .ExecuteDeleteAsync(cancellationToken);
        db.PatientPhones.AddRange(PatientPhone.OfProfile(patient).Where(p => p.Kind is PhoneKind.Home or PhoneKind.Mobile));
    }

    public static string? Email(string? value) =>
        Text(value, PatientValidation.EmailLength) is { } email && PatientValidation.IsValidEmail(email) ? email : null;

    public static string? Text(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? null : value.Trim();
}
