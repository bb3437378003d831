using DentalHub.Tenancy;

namespace DentalHub.ImportFailures;

/// <summary>
/// A PMS record that could not come over (or came over with a warning), with what a front-desk
/// person should fix in the PMS. It disappears by itself when a later sync imports the record.
/// </summary>
public sealed class ImportFailure : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }

    /// <summary>Which kind of record (<see cref="Sync.SyncResources"/>): an appointment "123" and a patient "123" are different records.</summary>
    public string Resource { get; init; } = Sync.SyncResources.Patients;

    public required string PmsId { get; init; }

    /// <summary>
    /// How the PMS shows the record, to find it there: a patient's name (partial when the name is the
    /// problem), an appointment's date and patient id, a provider's abbreviation.
    /// </summary>
    public required string Label { get; set; }

    public ImportFailureReason Reason { get; set; }
    public ImportFailureSeverity Severity { get; set; }
    public required string Message { get; set; }

    /// <summary>The PMS record and, for an ambiguous match, the candidate profiles (JSON), so a person can resolve it.</summary>
    public string? DetailsJson { get; set; }

    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
}

public enum ImportFailureReason
{
    MissingBirthDate,
    ImpossibleBirthDate,
    MissingFirstName,
    MissingLastName,
    AmbiguousMatch,
    DuplicateInPms,
    InvalidEmail,
    ValueTooLong,

    /// <summary>A value the record needs is missing (an appointment without a time).</summary>
    MissingValue,

    /// <summary>A value cannot be right (an appointment's time that does not exist, a negative length).</summary>
    InvalidValue,
}

public enum ImportFailureSeverity
{
    /// <summary>The record was not imported.</summary>
    Error,

    /// <summary>The record was imported, but part of it was left out (e.g. an invalid e-mail).</summary>
    Warning,
}
