using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DentalHub.Auth.ApiKeys;

/// <summary>
/// Authenticates /api/v1 requests by "Authorization: Bearer dh_…" (or "X-Api-Key: dh_…"). A missing,
/// unknown or revoked key is a 401 problem-details response.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var verified = await keys.VerifyAsync(presented, Context.RequestAborted);
        if (verified is not { } found)
        {
            return AuthenticateResult.Fail("The API key is unknown or has been revoked.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, found.Key.Name),
            new(DentalHubClaims.ApiKeyId, found.Key.Id.ToString()),
            new(DentalHubClaims.SelectedPractice, found.Key.PracticeId.ToString()),
            new(DentalHubClaims.Organization, found.OrganizationId.ToString()),
        };
        claims.AddRange(found.Key.ScopeSet.Select(s => new Claim(DentalHubClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message
            ?? "Send your practice's API key as 'Authorization: Bearer <key>'. Keys are created on the API keys page.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "API key required", Detail = detail },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Scope missing", Detail = "This API key does not have the scope this endpoint requires. Create a key with that scope." },
        });
    }

    private string? PresentedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var header = Request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}
