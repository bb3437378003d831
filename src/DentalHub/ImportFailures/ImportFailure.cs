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
    public required string PmsId { get; init; }

    /// <summary>As the PMS has it, to find the record there; may be partial when the name is the problem.</summary>
    public required string PatientName { get; set; }

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
}

public enum ImportFailureSeverity
{
    /// <summary>The record was not imported.</summary>
    Error,

    /// <summary>The record was imported, but part of it was left out (e.g. an invalid e-mail).</summary>
    Warning,
}
