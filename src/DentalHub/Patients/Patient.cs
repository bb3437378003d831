using DentalHub.Tenancy;

namespace DentalHub.Patients;

/// <summary>
/// A patient's profile in the hub. The PMS-owned fields are kept in step by sync; fields the hub
/// owns (added by later features: notes, consent, cards) are never written by sync.
/// </summary>
public sealed class Patient : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public PatientGender Gender { get; set; }
    public PatientStatus Status { get; set; }
    public string? Email { get; set; }
    public string? HomePhone { get; set; }
    public string? MobilePhone { get; set; }
    public string? WorkPhone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }

    /// <summary>Staff's own notes: owned by the hub, never written by sync.</summary>
    public string? Notes { get; set; }

    /// <summary>The patient asked for no e-mail from the practice: owned by the hub, never written by sync.</summary>
    public bool EmailOptOut { get; set; }

    /// <summary>Normalized first name + last name + birthdate, for matching unlinked PMS patients.</summary>
    public string MatchKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum PatientGender
{
    Unknown,
    Male,
    Female,
    Other,
}

/// <summary>As the PMS says; deleted and archived patients stay visible as such, never as active.</summary>
public enum PatientStatus
{
    Active,
    NonPatient,
    Inactive,
    Archived,
    Deceased,
    Deleted,
    Prospective,
}

/// <summary>
/// The link from a PMS patient, by (connection, PMS id), to a profile, with what the PMS said last
/// time: the family's guarantor, clinic, provider and a hash to tell unchanged rows.
/// </summary>
public sealed class PatientLink : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string PmsId { get; init; }
    public Guid PatientId { get; set; }
    public string? GuarantorPmsId { get; set; }
    public string? ClinicId { get; set; }
    public string? ProviderId { get; set; }
    public long ContentHash { get; set; }
    public DateTimeOffset LinkedAt { get; init; }
    public DateTimeOffset SyncedAt { get; set; }
}
