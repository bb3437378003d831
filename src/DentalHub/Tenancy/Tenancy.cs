namespace DentalHub.Tenancy;

/// <summary>A row that belongs to one practice (location). Covered by a query filter on the practice.</summary>
public interface IPracticeOwned
{
    Guid PracticeId { get; }
}

/// <summary>A row that belongs to an organization (practice group). Covered by a query filter on the organization.</summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; }
}

/// <summary>
/// Whose data a unit of work may see. Resolved per request (signed-in staff or API key) or set by a
/// background job for the practice it works for. An empty scope sees no tenant rows at all.
/// </summary>
public sealed record TenantScope(Guid? OrganizationId, Guid? PracticeId)
{
    public static TenantScope None { get; } = new(null, null);

    public static TenantScope ForPractice(Guid organizationId, Guid practiceId) => new(organizationId, practiceId);
}
