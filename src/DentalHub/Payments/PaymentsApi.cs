using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Payments.RefundsAndDisputes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record PaymentRequest(
    string ProcessorReference,
    Guid? PatientId,
    PaymentSource Source,
    decimal Gross,
    decimal Fee,
    string Currency,
    DateTimeOffset ProcessedAt,
    string? Description);

/// <param name="PatientId">The patient whose payment it is: a profile id from /api/v1/patients.</param>
public sealed record AssignPaymentRequest(Guid PatientId);

/// <param name="Discrepancy">Set when the processor reported details after the payment went to the PMS and the PMS has something else: what to correct there.</param>
public sealed record PaymentDto(
    Guid Id, Guid? PatientId, PaymentSource Source, decimal Gross, decimal Fee, decimal Net, string Currency,
    string ProcessorReference, DateTimeOffset ProcessedAt, WritebackDisplay Writeback, string WritebackText, string? PmsPaymentId,
    decimal Refunded, IReadOnlyList<RefundLine> Refunds, IReadOnlyList<DisputeLine> Disputes, string? Discrepancy)
{
    public static PaymentDto From(PaymentRow row, DateTimeOffset now)
    {
        var (payment, given) = (row.Payment, row.RefundsAndDisputes);
        var status = WritebackStatus.Of(payment, row.Command, now);
        return new(payment.Id, payment.PatientId, payment.Source, payment.Gross, payment.Fee, payment.Net, payment.Currency,
            payment.ProcessorReference, payment.ProcessedAt, status.State, status.Text, status.PmsPaymentId, given.Refunded, given.Refunds, given.Disputes, payment.Discrepancy);
    }
}

/// <summary>
/// Payments from other software, and reading them back. Posting the same processor reference twice stores it
/// once. Reading needs payments:read (payments:write also reads); writing needs payments:write.
/// </summary>
public static class PaymentsApi
{
    private static readonly IReadOnlyList<ListParameter> ListParameters =
    [
        new("from", "Paid on or after this day, in the practice's time zone (yyyy-MM-dd).", ListParameterType.Date),
        new("to", "Paid on or before this day, in the practice's time zone (yyyy-MM-dd).", ListParameterType.Date),
        new("unassigned", "true for only the payments no patient is assigned to yet.", ListParameterType.Boolean),
        new("limit", "How many payments per page, 1 to 500 (100 when left out).", ListParameterType.Integer),
        new("cursor", "The nextCursor of the previous page. A payment paid while you page can move the rest by one: skip an id you have seen.", ListParameterType.Text),
    ];

    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payments").WithTags("Payments");
        group.MapPost("/", PostAsync).RequireScope(ApiScopes.PaymentsWrite).WithName("RecordPayment")
            .WithSummary("Records a payment and queues it for the PMS. Idempotent on processorReference: a repeat returns 200 with the stored payment. "
                + "Without patientId it is recorded unassigned; a patientId the practice does not have is refused with 422.");
        group.MapGet("/", ListAsync).RequireScope(ApiScopes.PaymentsRead).WithName("ListPayments")
            .WithSummary("Payments, newest paid first, with whether each is recorded in the PMS and its refunds and disputes.")
            .WithQueryParameters(ListParameters);
        group.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.PaymentsRead).WithName("GetPayment")
            .WithSummary("A payment, whether it is recorded in the PMS, and its refunds and disputes.");
        group.MapPost("/{id:guid}/assign", AssignAsync).RequireScope(ApiScopes.PaymentsWrite).WithName("AssignPayment")
            .WithSummary("Says whose payment it is when it arrived without a patient; it is then recorded in the PMS as the writeback settings say. Repeating it for the same patient changes nothing; 409 when it belongs to another.");
        group.MapRefundsApi();
    }

    private static async Task<Results<Created<PaymentDto>, Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        PaymentRequest request, ClaimsPrincipal user, PaymentIntake intake, PaymentQuery query, DentalHubDbFactory databases, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The payment was not recorded");
        }
        var caller = ApiCaller.From(user);
        if (request.PatientId is { } patientId && !await PatientExistsAsync(databases, caller, patientId, cancellationToken))
        {
            // Stored as nobody's, it would wait for someone to assign it; the sender can correct the id now.
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["patientId"] = [$"This practice has no patient {patientId}. Send the id of one of its patients (GET /api/v1/patients), or leave patientId out to record the payment unassigned."],
            })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The payment was not recorded",
            });
        }
        var result = await intake.RecordAsync(caller.Tenant, new IncomingPayment(
            request.ProcessorReference.Trim(), "api", request.PatientId, request.Source, request.Gross, request.Fee, request.Currency, request.ProcessedAt.ToUniversalTime(), request.Description), cancellationToken);
        if (result.Created)
        {
            await audit.RecordAsync(caller.Tenant, caller.Actor, "payment.recorded", $"Payment {result.Payment.Id}", result.Payment.PatientId, cancellationToken);
        }
        var dto = PaymentDto.From((await query.OneAsync(caller.Tenant, result.Payment.Id, cancellationToken))!, time.GetUtcNow());
        return result.Created ? TypedResults.Created($"/api/v1/payments/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ListPage<PaymentDto>>, ValidationProblem>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, PaymentQuery query, DentalHubDbFactory databases, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var parameters = new ListQuery(request.Query, db);
        var filter = new PaymentFilter(parameters.Date("from"), parameters.Date("to"), OnlyUnassigned: parameters.Boolean("unassigned") ?? false);
        var limit = parameters.Integer("limit", 1, 500) ?? 100;
        var skip = OffsetCursor.Read(parameters, "cursor");
        if (parameters.Errors.Count > 0)
        {
            return parameters.Problem();
        }
        var rows = await query.FindAsync(caller.Tenant, filter, skip, limit + 1, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ListPage<PaymentDto>(
            rows.Take(limit).Select(r => PaymentDto.From(r, now)).ToList(),
            rows.Count > limit ? OffsetCursor.Write(skip + limit) : null));
    }

    private static async Task<bool> PatientExistsAsync(DentalHubDbFactory databases, ApiCaller caller, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(caller.Tenant);
        return await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken);
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, PaymentQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var row = await query.OneAsync(ApiCaller.From(user).Tenant, id, cancellationToken);
        return row is null
            ? TypedResults.Problem(statusCode: 404, title: "Payment not found", detail: $"This practice has no payment {id}.")
            : TypedResults.Ok(PaymentDto.From(row, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> AssignAsync(
        Guid id, AssignPaymentRequest request, ClaimsPrincipal user, PaymentAssignment assignment, PaymentQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var (outcome, _) = await assignment.AssignAsync(caller.Tenant, caller.Actor, id, request.PatientId, cancellationToken);
        return outcome switch
        {
            AssignmentOutcome.PaymentNotFound => TypedResults.Problem(statusCode: 404, title: "Payment not found", detail: $"This practice has no payment {id}."),
            AssignmentOutcome.PatientNotFound => TypedResults.Problem(statusCode: 422, title: "Patient not found",
                detail: $"This practice has no patient {request.PatientId}. Use a profile id from /api/v1/patients."),
            AssignmentOutcome.AssignedToAnother => TypedResults.Problem(statusCode: 409, title: "Payment belongs to another patient",
                detail: "This payment is assigned to another patient already; DentalHub does not move a payment between patients."),
            AssignmentOutcome.TryAgain => TypedResults.Problem(statusCode: 503, title: "Try again", detail: "The payment was being changed at the same moment; send the request again."),
            _ => TypedResults.Ok(PaymentDto.From((await query.OneAsync(caller.Tenant, id, cancellationToken))!, time.GetUtcNow())),
        };
    }

    private static Dictionary<string, string[]> Validate(PaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ProcessorReference) || request.ProcessorReference.Length > 255)
        {
            errors["processorReference"] = ["Give the processor's id for this payment (at most 255 characters); it makes retries safe."];
        }
        if (request.Gross <= 0 || decimal.Round(request.Gross, 2) != request.Gross)
        {
            errors["gross"] = ["The amount must be more than zero, in currency units with at most 2 decimals (e.g. 125.50)."];
        }
        if (request.Fee < 0 || request.Fee > request.Gross || decimal.Round(request.Fee, 2) != request.Fee)
        {
            errors["fee"] = ["The fee must be zero or more, at most the amount, with at most 2 decimals."];
        }
        if (request.Currency is not { Length: 3 } || !request.Currency.All(char.IsAsciiLetter))
        {
            errors["currency"] = ["Use a three-letter ISO currency code such as USD."];
        }
        if (!Enum.IsDefined(request.Source))
        {
            errors["source"] = [$"Use one of: {string.Join(", ", Enum.GetNames<PaymentSource>())}."];
        }
        return errors;
    }
}
