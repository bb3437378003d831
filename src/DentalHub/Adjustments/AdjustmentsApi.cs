using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Adjustments;

/// <summary>
/// Adjustments to a patient's account in the PMS: post one (<c>adjustments:write</c>; posted exactly once by the
/// writeback engine) and read them with where each one is (<c>adjustments:read</c>).
/// </summary>
public static class AdjustmentsApi
{
    public static void MapAdjustmentsApi(this RouteGroupBuilder api)
    {
        api.MapPatientRoutes(ApiScopes.AdjustmentsRead, "Adjustments")
            .MapGet("/adjustments", ListAsync).WithName("ListPatientAdjustments")
            .WithSummary("The adjustments posted to the patient's account from DentalHub, newest first (at most 100), each with where it is in the PMS. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatientRoutes(ApiScopes.AdjustmentsWrite, "Adjustments")
            .MapPost("/adjustments", PostAsync).WithName("PostPatientAdjustment")
            .WithSummary("Posts a credit or debit with a PMS adjustment type to the patient's account: recorded at once, then written to the PMS exactly once. " +
                "amount is more than zero, effect is \"credit\" (a discount) or \"debit\" (a refund paid out); typeId left out takes the practice's default for discounts or refunds; date left out is the practice's today. " +
                "409 when adjustment writeback is off or the patient's PMS cannot take adjustments.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IReadOnlyList<AdjustmentDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, PatientAdjustments adjustments, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using (var db = databases.Create(caller.Tenant))
        {
            if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
            {
                return PatientRoutes.NotFound(id);
            }
        }
        var lines = await adjustments.ListAsync(caller.Tenant, id, 100, cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, "Patient adjustments", id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdjustmentDto>>(lines.Select(AdjustmentDto.From).ToList());
    }

    private static async Task<Results<Created<AdjustmentDto>, ProblemHttpResult>> PostAsync(
        Guid id, AdjustmentRequest request, ClaimsPrincipal user, PatientAdjustments adjustments, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        AdjustmentEffect? effect = request.Effect?.ToLowerInvariant() switch
        {
            "credit" => AdjustmentEffect.Credit,
            "debit" => AdjustmentEffect.Debit,
            _ => null,
        };
        if (effect is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Adjustment not recorded", detail: "effect must be \"credit\" or \"debit\".");
        }
        var (added, error) = await adjustments.AddAsync(caller.Tenant, caller.Actor, id,
            new AdjustmentInput(request.Amount, effect.Value, request.TypeId, request.Date, request.Note), cancellationToken);
        if (added is null)
        {
            return error == PatientAdjustments.NotInPractice
                ? PatientRoutes.NotFound(id)
                : TypedResults.Problem(statusCode: PatientAdjustments.IsNotPossible(error!) ? 409 : 400, title: "Adjustment not recorded", detail: error);
        }
        var line = (await adjustments.ListAsync(caller.Tenant, id, 100, cancellationToken)).Single(a => a.Id == added.Id);
        return TypedResults.Created($"/api/v1/patients/{id}/adjustments", AdjustmentDto.From(line));
    }
}

/// <summary>An adjustment to post: <c>amount</c> more than zero, <c>effect</c> "credit" or "debit".</summary>
public sealed record AdjustmentRequest(decimal Amount, string? Effect, string? TypeId, DateOnly? Date, string? Note);

/// <summary>An adjustment posted from DentalHub and where it is in the PMS (<c>state</c>: recorded, recorded-by-hand, being-recorded, not-recorded, needs-review).</summary>
public sealed record AdjustmentDto(
    Guid Id, decimal Amount, string Effect, DateOnly Date, string Type, string Note, string EnteredBy, DateTimeOffset EnteredAt, string State, string StateText)
{
    public static AdjustmentDto From(AdjustmentLine line) => new(
        line.Id, Math.Abs(line.Amount), line.Amount < 0 ? "credit" : "debit", line.Date, line.Type, line.Note, line.EnteredBy, line.EnteredAt,
        line.State.ApiName,
        line.State.Text);
}
