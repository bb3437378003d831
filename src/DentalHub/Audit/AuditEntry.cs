using DentalHub.Tenancy;

namespace DentalHub.Audit;

/// <summary>
/// One append-only record of who read or changed what. Rows are never updated or deleted: the
/// database context refuses it.
/// </summary>
public sealed class AuditEntry : IPracticeOwned
{
    public long Id { get; init; }
    public Guid PracticeId { get; init; }
    public DateTimeOffset At { get; init; }
    public AuditActorKind ActorKind { get; init; }

    /// <summary>The user id or API key id.</summary>
    public required string ActorId { get; init; }

    /// <summary>Who it was, as people know them (display name, or the key's name).</summary>
    public required string ActorName { get; init; }

    public required string Action { get; init; }

    /// <summary>The patient profile concerned, when the action touched patient data.</summary>
    public Guid? PatientId { get; init; }

    /// <summary>What was touched, without patient data (e.g. "Connection 'Front office'"); for a list view, the list's name.</summary>
    public string? Subject { get; init; }

    /// <summary>For a list view, how many records it showed. List views of one person in a row show as one line on the audit page.</summary>
    public int? Count { get; init; }

    /// <summary>The staff member the action was about (invited, role changed, removed), shown by name on the audit page.</summary>
    public string? StaffUserId { get; init; }
}

public enum AuditActorKind
{
    User,
    ApiKey,
    System,
}
