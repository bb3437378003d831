using DentalHub.Patients;
using DentalHub.Tenancy;

namespace DentalHub.Tags;

public enum TagKind
{
    Custom = 0,
    Status = 1,
    Location = 2,
}

/// <summary>Who put a tag on a patient. Sync replaces only <see cref="Mapping"/> tags; staff tags stay.</summary>
public enum PatientTagSource
{
    Staff = 0,
    Mapping = 1,
}

public enum TagMappingKind
{
    Status = 0,
    Clinic = 1,
}

/// <summary>A label a practice puts on patients: custom (staff), status or location (from PMS mappings).</summary>
public sealed class Tag : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string Name { get; set; }
    public TagKind Kind { get; init; }
}

public sealed class PatientTag : IPracticeOwned
{
    public Guid PatientId { get; init; }
    public Guid TagId { get; init; }
    public Guid PracticeId { get; init; }
    public PatientTagSource Source { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>"PMS status Inactive → tag Inactive" or "PMS clinic 3 → tag Northside"; applied by sync.</summary>
public sealed class TagMapping : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid TagId { get; init; }
    public TagMappingKind Kind { get; init; }
    public PatientStatus? Status { get; init; }
    public string? ClinicId { get; init; }
}
