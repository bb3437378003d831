using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Patients.Phones;

/// <summary>Whose number it is: the patient's own three from the PMS, or an extra contact's (DentalHub's own).</summary>
public enum PhoneKind
{
    Home = 1,
    Mobile = 2,
    Work = 3,
    Contact = 4,
}

/// <summary>
/// One phone number of a profile in digits only, for search: the patient list finds a profile by a
/// prefix of <see cref="Digits"/> and by its last 7 or 10 digits (a prefix of <see cref="ReversedDigits"/>),
/// both ranges on an index. Written by sync and by every edit of a phone; the profile keeps the number as typed.
/// </summary>
public sealed class PatientPhone : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }
    public PhoneKind Kind { get; init; }

    /// <summary>The extra contact the number belongs to; <see cref="Guid.Empty"/> for the patient's own.</summary>
    public Guid ContactId { get; init; }

    public required string Digits { get; init; }
    public required string ReversedDigits { get; init; }

    public static PatientPhone? For(Guid practiceId, Guid patientId, PhoneKind kind, string? number, Guid contactId = default) =>
        PhoneDigits.Normalize(number) is { } digits
            ? new PatientPhone { PracticeId = practiceId, PatientId = patientId, Kind = kind, ContactId = contactId, Digits = digits, ReversedDigits = PhoneDigits.Reverse(digits) }
            : null;

    /// <summary>The rows for a profile made outside sync (launch, a resolved import failure).</summary>
    public static IEnumerable<PatientPhone> OfProfile(Patient p) => OfPatient(p.PracticeId, p.Id, p.HomePhone, p.MobilePhone, p.WorkPhone);

    /// <summary>The rows for a profile's own numbers, as the PMS gave them.</summary>
    public static IEnumerable<PatientPhone> OfPatient(Guid practiceId, Guid patientId, string? home, string? mobile, string? work) =>
        new[] { For(practiceId, patientId, PhoneKind.Home, home), For(practiceId, patientId, PhoneKind.Mobile, mobile), For(practiceId, patientId, PhoneKind.Work, work) }
            .OfType<PatientPhone>();
}

internal sealed class PatientPhoneConfiguration : IEntityTypeConfiguration<PatientPhone>
{
    public void Configure(EntityTypeBuilder<PatientPhone> entity)
    {
        entity.HasKey(p => new { p.PatientId, p.Kind, p.ContactId });
        entity.Property(p => p.Digits).HasMaxLength(PhoneDigits.MaxLength);
        entity.Property(p => p.ReversedDigits).HasMaxLength(PhoneDigits.MaxLength);
        entity.HasIndex(p => new { p.PracticeId, p.Digits });
        entity.HasIndex(p => new { p.PracticeId, p.ReversedDigits });
        entity.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId);
    }
}
