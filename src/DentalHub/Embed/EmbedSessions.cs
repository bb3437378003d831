using System.Security.Claims;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DentalHub.Embed;

/// <summary>Who is looking at a compact profile: signed-in staff, or a PMS frame holding an embed session for that patient.</summary>
public sealed record EmbedViewer(TenantScope Tenant, AuditActor Actor);

/// <summary>
/// The embed-only session (docs/decisions/0006): a cookie that reaches nothing but <c>/embed</c>, is
/// <c>SameSite=None; Secure; Partitioned</c> so a cross-site PMS frame keeps it (in that PMS's partition
/// only), lasts <see cref="Lifetime"/> without sliding, and names one patient. Pages behind it are
/// read-only GETs, so SameSite=None opens no cross-site request forgery.
/// </summary>
public static class EmbedSessions
{
    public const string Scheme = "DentalHub.Embed";
    public const string CookieName = "__Secure-DentalHub.Embed";
    public const string Policy = "embed-view";
    public const string PathPrefix = "/embed";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const string PatientClaim = "dh:embed-patient";
    private const string ActorIdClaim = "dh:embed-actor";
    private const string ActorKindClaim = "dh:embed-actor-kind";

    public static AuthenticationBuilder AddEmbedSessions(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<EmbedTokens>();
        authentication.Services.AddScoped<IAuthorizationHandler, EmbedViewHandler>();
        authentication.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, Scheme)
            .AddRequirements(new EmbedViewRequirement()));
        return authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = PathPrefix;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.None;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            // CHIPS: the browser keeps the cookie per top-level site, so only the PMS page that framed the
            // hub ever sends it back, and third-party-cookie blocking leaves it working.
            cookie.Cookie.Extensions.Add("Partitioned");
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
            // No sign-in page for a frame: staff's own cookie scheme answers challenges (see the policy).
            cookie.Events.OnRedirectToLogin = _ => Task.CompletedTask;
            cookie.Events.OnRedirectToAccessDenied = _ => Task.CompletedTask;
        });
    }

    public static ClaimsPrincipal Principal(EmbedGrant grant) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, grant.MintedBy.Name),
        new Claim(ActorIdClaim, grant.MintedBy.Id),
        new Claim(ActorKindClaim, grant.MintedBy.Kind.ToString()),
        new Claim(DentalHubClaims.Organization, grant.Tenant.OrganizationId!.Value.ToString()),
        new Claim(DentalHubClaims.SelectedPractice, grant.Tenant.PracticeId!.Value.ToString()),
        new Claim(PatientClaim, grant.PatientId.ToString()),
    ], Scheme));

    /// <summary>
    /// The viewer of <paramref name="patientId"/>: staff who may open profiles, or an embed session for exactly
    /// this patient. Null for anyone else (another patient than the session's, Financial staff, nobody).
    /// </summary>
    public static async Task<EmbedViewer?> ViewerAsync(ClaimsPrincipal user, PracticeAccess access, Guid patientId)
    {
        if (await access.ResolveAsync(user) is { CanOpenPatients: true } staff)
        {
            return new EmbedViewer(staff.Tenant, staff.Actor);
        }
        var embed = user.Identities.FirstOrDefault(i => i.AuthenticationType == Scheme && i.IsAuthenticated);
        if (embed?.FindFirst(PatientClaim)?.Value != patientId.ToString())
        {
            return null;
        }
        var tenant = TenantScope.ForPractice(Guid.Parse(embed.FindFirst(DentalHubClaims.Organization)!.Value), Guid.Parse(embed.FindFirst(DentalHubClaims.SelectedPractice)!.Value));
        var actor = new AuditActor(Enum.Parse<AuditActorKind>(embed.FindFirst(ActorKindClaim)!.Value), embed.FindFirst(ActorIdClaim)!.Value, embed.Name ?? "PMS");
        return new EmbedViewer(tenant, actor);
    }

    internal static bool HasEmbedSession(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.AuthenticationType == Scheme && i.IsAuthenticated && i.HasClaim(c => c.Type == PatientClaim));
}

public sealed record EmbedViewRequirement : IAuthorizationRequirement;

/// <summary>Lets in staff who may open profiles, or an embed session; the page then checks the session's patient.</summary>
public sealed class EmbedViewHandler(PracticeAccess access) : AuthorizationHandler<EmbedViewRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EmbedViewRequirement requirement)
    {
        if (EmbedSessions.HasEmbedSession(context.User) || await access.ResolveAsync(context.User) is { CanOpenPatients: true })
        {
            context.Succeed(requirement);
        }
    }
}
