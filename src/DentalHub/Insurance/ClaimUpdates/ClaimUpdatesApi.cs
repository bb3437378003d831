using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Auth.ApiKeys;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Insurance.ClaimUpdates;

/// <summary>
/// Changes to where a patient's claims stand in the PMS: ask for one (<c>claims:write</c>; written exactly once by the
/// writeback engine) and read how each went (<c>insurance:read</c>).
/// </summary>
public static class ClaimUpdatesApi
{
    private static readonly Dictionary<string, ClaimStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sent"] = ClaimStatus.Sent, ["received"] = ClaimStatus.Received, ["waiting"] = ClaimStatus.Waiting, ["on-hold"] = ClaimStatus.OnHold, ["unsent"] = ClaimStatus.Unsent,
    };

    public static void MapClaimUpdatesApi(this RouteGroupBuilder api)
    {
        api.MapPatientRoutes(ApiScopes.InsuranceRead, "Insurance")
            .MapGet("/claim-updates", ListAsync).WithName("ListPatientClaimUpdates")
            .WithSummary("The changes to the patient's claims asked for in DentalHub, newest first (at most 100), each with where it is in the PMS. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatientRoutes(ApiScopes.ClaimsWrite, "Insurance")
            .MapPost("/claims/{claimId}/status", PostAsync).WithName("UpdatePatientClaimStatus")
            .WithSummary("Marks one of the patient's claims (its PMS id, as GET /claims lists it) \"sent\", \"received\", \"waiting\" (to send), \"on-hold\" or \"unsent\" in the PMS: " +
                "recorded at once, then written exactly once, only over the status the claim has now. date (sent or received only) left out is the practice's today. " +
                "409 when claim updates are off, the PMS cannot take them, the claim is received or an update of it is under way.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IReadOnlyList<ClaimUpdateDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, Data.DentalHubDbFactory databases, PatientClaimUpdates updates, Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using (var db = databases.Create(caller.Tenant))
        {
            if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
            {
                return PatientRoutes.NotFound(id);
            }
        }
        var lines = await updates.ListAsync(caller.Tenant, id, 100, cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, "Patient claim updates", id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ClaimUpdateDto>>(lines.Select(ClaimUpdateDto.Of).ToList());
    }

    private static async Task<Results<Created<ClaimUpdateDto>, ProblemHttpResult>> PostAsync(
        Guid id, string claimId, ClaimStatusRequest request, ClaimsPrincipal user, PatientClaimUpdates updates, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (request.Status is null || !Statuses.TryGetValue(request.Status, out var status))
        {
            return TypedResults.Problem(statusCode: 400, title: "Claim not updated", detail: "status must be \"sent\", \"received\", \"waiting\", \"on-hold\" or \"unsent\".");
        }
        var (added, error) = await updates.RequestAsync(caller.Tenant, caller.Actor, id, claimId, new ClaimUpdateInput(status, request.Date, request.ConnectionId), cancellationToken);
        if (added is null)
        {
            return error == PatientClaimUpdates.NotInPractice
                ? PatientRoutes.NotFound(id)
                : TypedResults.Problem(
                    statusCode: error == PatientClaimUpdates.NoSuchClaim ? 404 : PatientClaimUpdates.IsNotPossible(error!) ? 409 : 400,
                    title: "Claim not updated", detail: error);
        }
        var line = (await updates.ListAsync(caller.Tenant, id, 100, cancellationToken)).Single(u => u.Id == added.Id);
        return TypedResults.Created($"/api/v1/patients/{id}/claim-updates", ClaimUpdateDto.Of(line));
    }
}

/// <summary>A change to a claim: <c>status</c> "sent", "received", "waiting", "on-hold" or "unsent"; <c>date</c> for sent or received.</summary>
public sealed record ClaimStatusRequest(string? Status, DateOnly? Date, Guid? ConnectionId);

/// <summary>A change to a claim asked for in DentalHub and where it is in the PMS (<c>was</c>: the status it was changed from; <c>state</c>: recorded, recorded-by-hand, being-recorded, not-recorded, needs-review).</summary>
public sealed record ClaimUpdateDto(
    Guid Id, Guid ConnectionId, string ClaimId, string Was, string Status, DateOnly? Date, string EnteredBy, DateTimeOffset EnteredAt, string State, string StateText)
{
    public static ClaimUpdateDto Of(ClaimUpdateLine line) => new(
        line.Id, line.ConnectionId, line.ClaimPmsId, Wire(line.From), Wire(line.To), line.Date, line.EnteredBy, line.EnteredAt,
        line.State.ApiState, line.State.Text);

    private static string Wire(ClaimStatus status) => status switch
    {
        ClaimStatus.OnHold => "on-hold",
        _ => status.ToString().ToLowerInvariant(),
    };
}
