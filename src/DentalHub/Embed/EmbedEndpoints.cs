using System.Net;
using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Launch;
using DentalHub.Patients.Photos;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Embed;

/// <summary>Which patient a PMS wants a chart tab for: the hub's id, or its own id on one of its connections.</summary>
public sealed record EmbedSessionRequest(Guid? PatientId, string? PmsPatientId, string? Pms, Guid? ConnectionId);

/// <summary>The address to put in the frame: it works once, within <see cref="EmbedTokens.Lifetime"/>.</summary>
public sealed record EmbedSessionLink(string Url, Guid PatientId, DateTimeOffset ExpiresAt);

public static class EmbedEndpoints
{
    public const string StartPath = "/embed/start";

    public static void MapEmbedApi(this RouteGroupBuilder api) =>
        api.MapPost("/embed-sessions", MintAsync)
            .RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PatientsRead))
            .WithTags("Embed").WithName("CreateEmbedSession")
            .WithSummary("A one-time address (valid 2 minutes) that opens a patient's compact profile in the PMS's frame.");

    public static void MapEmbedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, StartAsync).AllowAnonymous();
        app.MapGet("/embed/patients/{id:guid}/photo", async (Guid id, bool? small, HttpContext context, PracticeAccess access, PatientPhotos photos, CancellationToken cancellationToken) =>
        {
            var viewer = await EmbedSessions.ViewerAsync(context.User, access, id);
            var photo = viewer is null ? null : await photos.ReadAsync(viewer.Tenant, id, small == true, cancellationToken);
            return PhotoEndpoints.Serve(context, photo, small == true);
        }).RequireAuthorization(EmbedSessions.Policy);
    }

    private static async Task<Results<Created<EmbedSessionLink>, ProblemHttpResult>> MintAsync(
        EmbedSessionRequest request, ClaimsPrincipal user, HttpContext context, LaunchService launch, EmbedTokens tokens, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var patientId = request.PatientId;
        if (patientId is null && !string.IsNullOrWhiteSpace(request.PmsPatientId))
        {
            var plan = await launch.PlanAsync(caller.Tenant, new LaunchRequest(request.Pms, request.ConnectionId, request.PmsPatientId, null, null, null), cancellationToken);
            patientId = plan.Outcome is LaunchOutcome.Linked or LaunchOutcome.Differs ? plan.PatientId : null;
            if (patientId is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "Patient not linked",
                    detail: plan.Message ?? "This PMS patient is not linked to a DentalHub profile yet: open it once with /launch, or wait for the next sync.");
            }
        }
        if (patientId is not { } id)
        {
            return TypedResults.Problem(statusCode: 400, title: "Which patient?", detail: "Send patientId (DentalHub's id) or pmsPatientId (the PMS's id, with pms or connectionId when the practice has several PMS connections).");
        }
        var (token, problem) = await tokens.MintAsync(caller.Tenant, caller.Actor, id, cancellationToken);
        if (token is null)
        {
            return TypedResults.Problem(statusCode: problem!.PatientUnknown ? 404 : 409, title: "No chart tab link", detail: problem.Message);
        }
        var url = $"{context.Request.Scheme}://{context.Request.Host}{StartPath}?token={Uri.EscapeDataString(token.Token)}";
        return TypedResults.Created((string?)null, new EmbedSessionLink(url, id, token.ExpiresAt));
    }

    // The frame's first request: the token is spent here and swapped for the embed-only cookie, then the
    // frame moves on to the profile, so the token never stays in the address bar or in a Referer.
    private static async Task<IResult> StartAsync(string? token, HttpContext context, EmbedTokens tokens, EmbedFraming framing, CancellationToken cancellationToken)
    {
        var grant = await tokens.RedeemAsync(token, cancellationToken);
        if (grant is null)
        {
            // A spent token names no practice, and this page holds no data and no action: any frame may show it,
            // so the front desk reads this in the chart tab instead of the browser's "refused to connect".
            context.Response.Headers.Remove("X-Frame-Options");
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";
            return TypedResults.Content(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>DentalHub</title></head><body style=\"font-family:sans-serif\">" +
                "<p>This chart tab link has expired or was already used. Open the patient's chart tab in the PMS again.</p></body></html>",
                "text/html; charset=utf-8", statusCode: (int)HttpStatusCode.Forbidden);
        }
        // Persistent, so the browser itself drops the cookie when the session ends, not only the server.
        await context.SignInAsync(EmbedSessions.Scheme, EmbedSessions.Principal(grant), new AuthenticationProperties { IsPersistent = true });
        var policy = await framing.PolicyForPatientAsync(grant.PatientId, cancellationToken);
        context.Response.Headers.Remove("X-Frame-Options");
        context.Response.Headers.ContentSecurityPolicy = policy;
        return TypedResults.Redirect($"{EmbedFraming.RoutePrefix}{grant.PatientId}");
    }
}
