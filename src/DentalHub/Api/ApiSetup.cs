using DentalHub.Auth.ApiKeys;
using Microsoft.AspNetCore.Authorization;

namespace DentalHub.Api;

/// <summary>The REST API's shared rules: every endpoint under /api/v1 needs an API key with a scope.</summary>
public static class ApiSetup
{
    public static string ScopePolicy(string scope) => "api-scope:" + scope;

    public static void AddScopePolicies(AuthorizationOptions options)
    {
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(ScopePolicy(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(Auth.DentalHubClaims.Scope, scope));
        }
    }

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.Scheme)
                .RequireAuthenticatedUser())
            .DisableAntiforgery();
}
