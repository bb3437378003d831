using System.Security.Claims;
using DentalHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Bookkeeping;

/// <summary>
/// The two browser hops of connecting QuickBooks: out to Intuit's consent page, and back with the code. Plain
/// HTTP endpoints (not the Blazor circuit) because both are full-page redirects.
/// </summary>
public static class QuickBooksConnectEndpoints
{
    public const string CallbackPath = "/bookkeeping/quickbooks/callback";

    public static void MapQuickBooksConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookkeeping/quickbooks").RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        group.MapGet("/connect/{connectionId:guid}", StartAsync);
        group.MapGet("/callback", CallbackAsync);
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> StartAsync(
        Guid connectionId, HttpRequest request, ClaimsPrincipal user, PracticeAccess access, QuickBooksConnections quickBooks, CancellationToken cancellationToken)
    {
        var session = await access.ResolveAsync(user, cancellationToken);
        var consent = session is null ? null : await quickBooks.StartAsync(session.Tenant, session.UserId, connectionId, quickBooks.RedirectUri(request), cancellationToken);
        return consent is null
            ? TypedResults.Problem(statusCode: 404, title: "No such QuickBooks connection", detail: "Add a QuickBooks Online connection under Connections first.")
            : TypedResults.Redirect(consent.ToString());
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CallbackAsync(
        string? code, string? state, string? realmId, string? error, HttpRequest request, ClaimsPrincipal user, PracticeAccess access,
        QuickBooksConnections quickBooks, CancellationToken cancellationToken)
    {
        var session = await access.ResolveAsync(user, cancellationToken);
        if (session is null)
        {
            return TypedResults.Problem(statusCode: 403, title: "Sign in first", detail: "Sign in to DentalHub, then connect QuickBooks again.");
        }
        if (!string.IsNullOrEmpty(error))
        {
            return TypedResults.Problem(statusCode: 400, title: "QuickBooks was not connected",
                detail: "QuickBooks did not grant access (it was cancelled or refused). Start again from Map accounts when you are ready.");
        }
        var (connectionId, refusal) = await quickBooks.CompleteAsync(session.Tenant, session.Actor, session.UserId, state, code, realmId, quickBooks.RedirectUri(request), cancellationToken);
        return connectionId is null
            ? TypedResults.Problem(statusCode: 400, title: "QuickBooks was not connected", detail: refusal)
            : TypedResults.LocalRedirect("/bookkeeping/accounts?connected=1");
    }
}
