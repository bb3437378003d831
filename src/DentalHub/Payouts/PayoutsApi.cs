using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Payouts;

/// <param name="PayoutId">The processor's payout id; posting it again is safe.</param>
/// <param name="NetAmount">What the bank receives; the lines' gross minus fee must add up to it.</param>
public sealed record PayoutRequest(string PayoutId, DateOnly ArrivalDate, string Currency, decimal NetAmount, IReadOnlyList<PayoutLineRequest>? Lines);

/// <param name="Source">For charges: where the payment came from; when left out, our payment with this source id decides, else Portal.</param>
public sealed record PayoutLineRequest(PayoutItemCategory Category, string? SourceId, decimal Gross, decimal Fee, PaymentSource? Source);

public sealed record PayoutLineDto(PayoutItemCategory Category, string? SourceId, decimal Gross, decimal Fee, decimal Net, PaymentSource? Source);

/// <param name="LinesAddUp">False when the lines' net is not what the bank receives (the payout is then held, QuickBooks or not).</param>
/// <param name="Breakdown">The lines grouped as a bookkeeper reads them: charges by payment source, refunds, disputes, fees, adjustments.</param>
public sealed record PayoutDto(
    Guid Id, string PayoutId, DateOnly ArrivalDate, string Currency, decimal Gross, decimal Fees, decimal NetAmount,
    PayoutState Status, string StatusText, decimal? Difference, string? DepositId, IReadOnlyList<string> Errors, IReadOnlyList<PayoutLineDto> Lines,
    bool LinesAddUp, IReadOnlyList<PayoutBreakdownLine> Breakdown)
{
    public static PayoutDto From(PayoutView view)
    {
        var p = view.Payout;
        var breakdown = PayoutBreakdown.Of(p);
        return new(p.Id, p.ProcessorPayoutId, p.ArrivalDate, p.Currency, p.Gross, p.Fees, p.NetAmount, view.Status, view.Text, p.Difference, p.DepositId, view.Errors,
            p.Items.Select(i => new PayoutLineDto(i.Category, i.SourceId, i.Gross, i.Fee, i.Net, i.SourceType)).ToList(),
            breakdown.AddsUp, breakdown.Lines);
    }
}

/// <summary>
/// Payouts from other processors' software: each becomes one deposit in QuickBooks. Idempotent on payoutId.
/// Reading needs payouts:read (payouts:write also reads); writing needs payouts:write.
/// </summary>
public static class PayoutsApi
{
    private static readonly IReadOnlyList<ListParameter> ListParameters =
    [
        new("from", "Arriving on or after this day (yyyy-MM-dd).", ListParameterType.Date),
        new("to", "Arriving on or before this day (yyyy-MM-dd).", ListParameterType.Date),
        new("limit", "How many payouts per page, 1 to 200 (50 when left out).", ListParameterType.Integer),
        new("cursor", "The nextCursor of the previous page.", ListParameterType.Text),
    ];

    public static void MapPayoutsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payouts").WithTags("Payouts");
        group.MapPost("/", PostAsync).RequireScope(ApiScopes.PayoutsWrite).WithName("RecordPayout")
            .WithSummary("Records a payout with its lines and queues its deposit for QuickBooks. A repeat returns 200 with the stored payout; other lines replace a held or failed payout's, else 409.");
        group.MapGet("/", ListAsync).RequireScope(ApiScopes.PayoutsRead).WithName("ListPayouts")
            .WithSummary("Payouts, latest arrival first, each with its lines, their breakdown and whether its deposit is in QuickBooks.")
            .WithQueryParameters(ListParameters);
        group.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.PayoutsRead).WithName("GetPayout").WithSummary("A payout, its lines and whether its deposit is in QuickBooks.");
        group.MapPost("/{id:guid}/posted-by-hand", PostedByHandAsync).RequireScope(ApiScopes.PayoutsWrite).WithName("MarkPayoutPostedByHand")
            .WithSummary("Says the deposit of a held payout, or one the books refused, was entered in the books by hand: DentalHub will not send it, and its alerts close. 409 with the reason when it cannot be marked.");
        group.MapDelete("/{id:guid}/posted-by-hand", UndoPostedByHandAsync).RequireScope(ApiScopes.PayoutsWrite).WithName("UndoPayoutPostedByHand")
            .WithSummary("Takes back posted by hand: a deposit never sent is planned again (held or queued), one the books refused is not accepted again and waits for a retry. 409 when it is not marked.");
    }

    private static async Task<Results<Ok<ListPage<PayoutDto>>, ValidationProblem>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, PayoutQuery query, DentalHub.Data.DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var parameters = new ListQuery(request.Query, db);
        var filter = new PayoutFilter(parameters.Date("from"), parameters.Date("to"));
        var limit = parameters.Integer("limit", 1, 200) ?? 50;
        var skip = OffsetCursor.Read(parameters, "cursor");
        if (parameters.Errors.Count > 0)
        {
            return parameters.Problem();
        }
        var views = await query.FindAsync(caller.Tenant, filter, skip, limit + 1, withLines: true, cancellationToken);
        return TypedResults.Ok(new ListPage<PayoutDto>(
            views.Take(limit).Select(PayoutDto.From).ToList(),
            views.Count > limit ? OffsetCursor.Write(skip + limit) : null));
    }

    private static async Task<Results<Created<PayoutDto>, Ok<PayoutDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        PayoutRequest request, ClaimsPrincipal user, PayoutIntake intake, PayoutQuery query, AuditLog audit, CancellationToken cancellationToken)
    {
        var errors = PayoutRequestValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The payout was not recorded");
        }
        var caller = ApiCaller.From(user);
        var (payout, result) = await intake.RecordAsync(caller.Tenant, new IncomingPayout(
            request.PayoutId.Trim(), "api", null, request.ArrivalDate, request.Currency, request.NetAmount,
            request.Lines!.Select(l => new IncomingPayoutItem(l.Category, l.SourceId?.Trim(), l.Gross, l.Fee, l.Source)).ToList()), cancellationToken);
        if (result == PayoutIntakeResult.Conflict)
        {
            return TypedResults.Problem(statusCode: 409, title: "Payout already recorded with other lines",
                detail: $"Payout {payout.ProcessorPayoutId} is already {payout.Status} with other lines. Lines can be replaced only while a payout is held or failed.");
        }
        if (result is PayoutIntakeResult.Created or PayoutIntakeResult.Updated)
        {
            await audit.RecordAsync(caller.Tenant, caller.Actor, "payout.recorded", $"Payout {payout.ProcessorPayoutId}", cancellationToken: cancellationToken);
        }
        var dto = PayoutDto.From((await query.FindAsync(caller.Tenant, payout.Id, cancellationToken))!);
        return result == PayoutIntakeResult.Created ? TypedResults.Created($"/api/v1/payouts/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    private static Task<Results<Ok<PayoutDto>, ProblemHttpResult>> PostedByHandAsync(Guid id, ClaimsPrincipal user, PayoutActions actions, PayoutQuery query, CancellationToken cancellationToken) =>
        ActAsync(id, user, query, (tenant, actor) => actions.MarkPostedByHandAsync(tenant, actor, id, cancellationToken), "The payout was not marked as posted by hand", cancellationToken);

    private static Task<Results<Ok<PayoutDto>, ProblemHttpResult>> UndoPostedByHandAsync(Guid id, ClaimsPrincipal user, PayoutActions actions, PayoutQuery query, CancellationToken cancellationToken) =>
        ActAsync(id, user, query, (tenant, actor) => actions.UndoPostedByHandAsync(tenant, actor, id, cancellationToken), "Posted by hand was not taken back", cancellationToken);

    private static async Task<Results<Ok<PayoutDto>, ProblemHttpResult>> ActAsync(
        Guid id, ClaimsPrincipal user, PayoutQuery query, Func<Tenancy.TenantScope, AuditActor, Task<PayoutActionResult>> act, string refused, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (await query.FindAsync(caller.Tenant, id, cancellationToken) is null)
        {
            return NotFound(id);
        }
        var result = await act(caller.Tenant, caller.Actor);
        if (!result.Done)
        {
            return TypedResults.Problem(statusCode: 409, title: refused, detail: result.Text);
        }
        return TypedResults.Ok(PayoutDto.From((await query.FindAsync(caller.Tenant, id, cancellationToken))!));
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(statusCode: 404, title: "Payout not found", detail: $"This practice has no payout {id}.");

    private static async Task<Results<Ok<PayoutDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, PayoutQuery query, CancellationToken cancellationToken)
    {
        var view = await query.FindAsync(ApiCaller.From(user).Tenant, id, cancellationToken);
        return view is null ? NotFound(id) : TypedResults.Ok(PayoutDto.From(view));
    }
}

internal static class PayoutRequestValidation
{
    public static Dictionary<string, string[]> Validate(PayoutRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.PayoutId) || request.PayoutId.Length > 255)
        {
            errors["payoutId"] = ["Give the processor's id for this payout (at most 255 characters); it makes retries safe."];
        }
        if (request.Currency is not { Length: 3 } || !request.Currency.All(char.IsAsciiLetter))
        {
            errors["currency"] = ["Use a three-letter ISO currency code such as USD."];
        }
        if (!Cents(request.NetAmount))
        {
            errors["netAmount"] = ["Give the amount the bank receives, in currency units with at most 2 decimals (e.g. 1213.45)."];
        }
        if (request.Lines is not { Count: > 0 } lines)
        {
            errors["lines"] = ["List the payout's lines (charges, refunds, disputes, fees, adjustments); each deposit line is built from them."];
            return errors;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!Enum.IsDefined(line.Category))
            {
                errors[$"lines[{i}].category"] = [$"Use one of: {string.Join(", ", Enum.GetNames<PayoutItemCategory>())}."];
            }
            if (!Cents(line.Gross) || !Cents(line.Fee))
            {
                errors[$"lines[{i}]"] = ["Gross and fee are in currency units with at most 2 decimals."];
            }
            if (line.Source is { } source && !Enum.IsDefined(source))
            {
                errors[$"lines[{i}].source"] = [$"Use one of: {string.Join(", ", Enum.GetNames<PaymentSource>())}."];
            }
            if (line.SourceId is { Length: > 255 })
            {
                errors[$"lines[{i}].sourceId"] = ["At most 255 characters."];
            }
        }
        return errors;
    }

    private static bool Cents(decimal amount) => decimal.Round(amount, 2) == amount && Math.Abs(amount) < 1_000_000_000m;
}
