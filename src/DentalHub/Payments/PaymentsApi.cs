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

public sealed record PaymentDto(
    Guid Id, Guid? PatientId, PaymentSource Source, decimal Gross, decimal Fee, decimal Net, string Currency,
    string ProcessorReference, DateTimeOffset ProcessedAt, WritebackDisplay Writeback, string WritebackText, string? PmsPaymentId,
    decimal Refunded, IReadOnlyList<RefundLine> Refunds, IReadOnlyList<DisputeLine> Disputes);

/// <summary>Payments from other software. Posting the same processor reference twice stores it once.</summary>
public static class PaymentsApi
{
    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payments").RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PaymentsWrite)).WithTags("Payments");
        group.MapPost("/", PostAsync).WithName("RecordPayment")
            .WithSummary("Records a payment and queues it for the PMS. Idempotent on processorReference: a repeat returns 200 with the stored payment. "
                + "Without patientId it is recorded unassigned; a patientId the practice does not have is refused with 422.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPayment").WithSummary("A payment, whether it is recorded in the PMS, and its refunds and disputes.");
        group.MapRefundsApi();
    }

    private static async Task<Results<Created<PaymentDto>, Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        PaymentRequest request, ClaimsPrincipal user, PaymentIntake intake, DentalHubDbFactory databases, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
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
        var dto = await ToDtoAsync(databases, caller, result.Payment, time, cancellationToken);
        return result.Created ? TypedResults.Created($"/api/v1/payments/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is null
            ? TypedResults.Problem(statusCode: 404, title: "Payment not found", detail: $"This practice has no payment {id}.")
            : TypedResults.Ok(await ToDtoAsync(databases, caller, payment, time, cancellationToken));
    }

    private static async Task<bool> PatientExistsAsync(DentalHubDbFactory databases, ApiCaller caller, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(caller.Tenant);
        return await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken);
    }

    private static async Task<PaymentDto> ToDtoAsync(DentalHubDbFactory databases, ApiCaller caller, Payment payment, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(caller.Tenant);
        var command = await db.WritebackCommands.AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == payment.Id, cancellationToken);
        var status = WritebackStatus.Of(payment, command, time.GetUtcNow());
        var given = await RefundsAndDisputesOf.ForAsync(db, payment.ProcessorReference, cancellationToken);
        return new PaymentDto(payment.Id, payment.PatientId, payment.Source, payment.Gross, payment.Fee, payment.Net, payment.Currency,
            payment.ProcessorReference, payment.ProcessedAt, status.State, status.Text, status.PmsPaymentId, given.Refunded, given.Refunds, given.Disputes);
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
