using System.Security.Claims;
using DentalHub.Audit;
using DentalHub.Tenancy;

namespace DentalHub.Auth.ApiKeys;

/// <summary>The practice and key behind an authenticated API request, read from the key's validated claims.</summary>
public sealed record ApiCaller(TenantScope Tenant, AuditActor Actor)
{
    public static ApiCaller From(ClaimsPrincipal user) => new(
        TenantScope.ForPractice(
            Guid.Parse(user.FindFirstValue(DentalHubClaims.Organization)!),
            Guid.Parse(user.FindFirstValue(DentalHubClaims.SelectedPractice)!)),
        new AuditActor(AuditActorKind.ApiKey, user.FindFirstValue(DentalHubClaims.ApiKeyId)!, user.Identity?.Name ?? "API key"));
}
