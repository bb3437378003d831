using DentalHub.Tenancy;

namespace DentalHub.Rewards;

/// <summary>
/// A rewards card given to a patient. Numbers are unique across the organization (a card handed out
/// at one location works at every location). A replaced card stays as history and its number stays taken.
/// </summary>
public sealed class RewardCard : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid OrganizationId { get; init; }
    public Guid PatientId { get; init; }
    public required string Number { get; init; }

    /// <summary>The patient while this card is their active one; null once replaced. Unique, so a patient has one active card.</summary>
    public Guid? ActiveForPatientId { get; set; }

    public DateTimeOffset ConnectedAt { get; init; }
    public required string ConnectedBy { get; init; }
    public DateTimeOffset? ReplacedAt { get; set; }

    public bool IsActive => ActiveForPatientId is not null;
}

public enum PointsEntryKind
{
    Award,
    Redeem,
    WelcomeBonus,
    BirthdayBonus,
}

/// <summary>One line of a patient's append-only points ledger. Points are whole numbers, positive or negative.</summary>
public sealed class PointsEntry : IPracticeOwned
{
    public long Id { get; init; }
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }
    public long Points { get; init; }
    public PointsEntryKind Kind { get; init; }
    public required string Reason { get; init; }
    public Guid? RewardItemId { get; init; }

    /// <summary>For rule grants ("welcome", "birthday:2026"): unique per patient, so a rule pays once even under concurrency.</summary>
    public string? GrantKey { get; init; }

    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// The patient's current balance, kept next to the ledger and changed only by a conditional UPDATE in
/// the same transaction as the ledger line (see <see cref="PointsService"/>).
/// </summary>
public sealed class PointsBalance : IPracticeOwned
{
    public Guid PatientId { get; init; }
    public Guid PracticeId { get; init; }
    public long Balance { get; set; }
}

/// <summary>A heading of the practice's reward menu ("Appointments", "Hygiene").</summary>
public sealed class RewardCategory : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>Something staff award points for ("On time for appointment: 50").</summary>
public sealed class RewardItem : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid CategoryId { get; set; }
    public required string Name { get; set; }
    public long Points { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>The practice's automatic points: a welcome bonus for new profiles and a yearly birthday bonus. Zero turns one off.</summary>
public sealed class PointsRuleSettings : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public long WelcomePoints { get; set; }
    public long BirthdayPoints { get; set; }

    /// <summary>Profiles created before the welcome bonus was turned on (the first import) get none.</summary>
    public DateTimeOffset WelcomeSince { get; set; }
}
