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
                .RequireClaim(Auth.DentalHubClaims.Scope, ApiScopes.Granting(scope)));
        }
    }

    /// <summary>Requires an API key that grants <paramref name="scope"/>, and says so in the OpenAPI document.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        var granting = ApiScopes.Granting(scope);
        var text = $"Needs an API key with the scope `{string.Join("` or `", granting)}`.";
        return builder.RequireAuthorization(ScopePolicy(scope)).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Description = string.IsNullOrEmpty(operation.Description) ? text : operation.Description + "\n\n" + text;
            return Task.CompletedTask;
        });
    }

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.Scheme)
                .RequireAuthenticatedUser())
            .DisableAntiforgery();
}
