using DentalHub.Audit;
using DentalHub.Tenancy;

namespace DentalHub.Auth;

/// <summary>A signed-in person working in one practice, with their role there.</summary>
public sealed record StaffSession(
    string UserId,
    string DisplayName,
    Guid OrganizationId,
    Guid PracticeId,
    string PracticeName,
    bool PracticeIsSample,
    string PracticeTimeZoneId,
    PracticeRole Role,
    IReadOnlyList<PracticeChoice> Practices)
{
    public TenantScope Tenant => TenantScope.ForPractice(OrganizationId, PracticeId);
    public AuditActor Actor => new(AuditActorKind.User, UserId, DisplayName);
    public bool IsAdmin => Role is PracticeRole.Owner or PracticeRole.Admin;
    public bool CanOpenPatients => Role is not PracticeRole.Financial;
    public bool CanSeePayments => Role is not PracticeRole.Rewards;
}

public sealed record PracticeChoice(Guid PracticeId, string Name, PracticeRole Role);
