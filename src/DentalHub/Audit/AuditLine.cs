namespace DentalHub.Audit;

/// <summary>
/// One line of the audit page: one entry, or a run of list views of the same list by the same person, each within
/// <see cref="Gap"/> of the next (then <see cref="Times"/> counts them and <see cref="Listed"/> sums what they showed).
/// </summary>
public sealed record AuditLine(
    DateTimeOffset First,
    DateTimeOffset Last,
    int Times,
    AuditActorKind ActorKind,
    string ActorId,
    string ActorName,
    string Action,
    string? Subject,
    int? Listed,
    Guid? PatientId,
    string? StaffUserId)
{
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(30);

    public static AuditLine Of(AuditEntry entry) => new(
        entry.At, entry.At, 1, entry.ActorKind, entry.ActorId, entry.ActorName, entry.Action, entry.Subject, entry.Count, entry.PatientId, entry.StaffUserId);

    /// <summary>Whether an older entry continues this line: both list views of one list by one person, close in time.</summary>
    public bool Joins(AuditEntry older) =>
        Listed is not null && older.Count is not null
        && older.ActorKind == ActorKind && older.ActorId == ActorId && older.Action == Action
        && older.Subject == Subject && older.PatientId == PatientId
        && First - older.At <= Gap;

    public AuditLine With(AuditEntry older) => this with { First = older.At, Times = Times + 1, Listed = Listed + older.Count };
}
