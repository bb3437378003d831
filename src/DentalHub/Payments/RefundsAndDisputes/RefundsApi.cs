using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments.RefundsAndDisputes;

public sealed record RefundRequest(string Reference, decimal Amount, DateTimeOffset? RefundedAt);

/// <summary>Refunds recorded by other software against a payment. Idempotent on the reference; never written to the PMS.</summary>
public static class RefundsApi
{
    public static void MapRefundsApi(this RouteGroupBuilder payments) =>
        payments.MapPost("/{id:guid}/refunds", PostAsync).RequireScope(ApiScopes.PaymentsWrite).WithName("RecordRefund")
            .WithSummary("Records a refund of a payment (not written to the PMS). Idempotent on reference: a repeat returns 200 with the stored refund.");

    private static async Task<Results<Created<RefundLine>, Ok<RefundLine>, ValidationProblem, ProblemHttpResult>> PostAsync(
        Guid id, RefundRequest request, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var reference = request.Reference?.Trim() ?? "";
        if (reference.Length is 0 or > 255 || request.Amount <= 0 || decimal.Round(request.Amount, 2) != request.Amount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["refund"] = ["Give the refund's own reference (at most 255 characters; it makes retries safe) and an amount of more than zero with at most 2 decimals."],
            }, title: "The refund was not recorded");
        }
        await using var db = databases.Create(caller.Tenant);
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Payment not found", detail: $"This practice has no payment {id}. Record the payment first.");
        }
        var existing = await db.PaymentRefunds.AsNoTracking().FirstOrDefaultAsync(r => r.RefundId == reference, cancellationToken);
        if (existing is not null)
        {
            return existing.PaymentReference == payment.ProcessorReference && existing.Amount == request.Amount
                ? TypedResults.Ok(Line(existing))
                : TypedResults.Problem(statusCode: 409, title: "Reference already used",
                    detail: $"A refund with reference {reference} is already recorded, for another payment or amount. Use a new reference for a new refund.");
        }
        var refunded = await db.PaymentRefunds.Where(r => r.PaymentReference == payment.ProcessorReference)
            .Select(r => new { r.Amount, r.Status }).ToListAsync(cancellationToken);
        var already = refunded.Where(r => RefundsAndDisputesOf.Counts(r.Status)).Sum(r => r.Amount);
        if (already + request.Amount > payment.Gross)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["amount"] = [$"Refunds would add up to more than the payment: {already:0.00} of {payment.Gross:0.00} {payment.Currency} is refunded already."],
            }, title: "The refund was not recorded");
        }
        var now = time.GetUtcNow();
        var refund = new PaymentRefund
        {
            PracticeId = payment.PracticeId, RefundId = reference, Processor = "api", PaymentReference = payment.ProcessorReference,
            Amount = request.Amount, Currency = payment.Currency, Status = RefundStatus.Succeeded,
            RefundedAt = (request.RefundedAt ?? now).ToUniversalTime(), AsOf = now, ReceivedAt = now,
        };
        db.PaymentRefunds.Add(refund);
        db.RefundOrDisputeChanges.Add(new RefundOrDisputeChange
        {
            PracticeId = payment.PracticeId, Subject = ChangeSubject.Refund, ExternalId = reference, PaymentReference = payment.ProcessorReference,
            Status = nameof(RefundStatus.Succeeded), Amount = request.Amount, At = refund.RefundedAt, ReceivedAt = now,
        });
        audit.Add(db, caller.Actor, "payment.refund-recorded", $"Refund of payment {payment.ProcessorReference}", payment.PatientId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same refund posted twice at once: the other request stored it.
            await using var again = databases.Create(caller.Tenant);
            var stored = await again.PaymentRefunds.AsNoTracking().FirstAsync(r => r.RefundId == reference, cancellationToken);
            return TypedResults.Ok(Line(stored));
        }
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", Line(refund));
    }

    private static RefundLine Line(PaymentRefund r) => new(r.RefundId, r.Amount, r.Currency, r.Status, r.RefundedAt, r.Processor);
}
