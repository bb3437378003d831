using System.Globalization;
using System.Security.Claims;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Components.Shared;
using DentalHub.Payments.RefundsAndDisputes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Payments;

/// <summary>The payments page's selection as CSV, for the bookkeeper: times in the practice's zone, states in words.</summary>
public static class PaymentsExport
{
    public static void MapPaymentsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/payments/export.csv", ExportAsync).RequireAuthorization(Policies.Payments).ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportAsync(
        string? from, string? to, string? problems, ClaimsPrincipal user, PracticeAccess access, PaymentQuery query, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(user, cancellationToken) is not { } session)
        {
            return TypedResults.Forbid();
        }
        // The page sends every filter, empty ones included: an empty or unreadable value means "any".
        var filter = new PaymentFilter(PracticeDays.Parse(from), PracticeDays.Parse(to), OnlyProblems: string.Equals(problems, "true", StringComparison.OrdinalIgnoreCase));
        var rows = await query.FindAsync(session.Tenant, filter, 0, int.MaxValue, cancellationToken);
        await audit.RecordAsync(session.Tenant, session.Actor, "payments.exported", $"{rows.Count} payments as CSV", cancellationToken: cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.PracticeTimeZoneId);
        var now = time.GetUtcNow();
        var csv = new CsvFile($"Paid ({session.PracticeTimeZoneId})", "Patient", "Source", "Amount", "Fee", "Net", "Currency", "Refunded", "Dispute",
            "In the PMS", "Details", "PMS payment", "Processor reference", "To correct in the PMS");
        foreach (var row in rows)
        {
            var payment = row.Payment;
            var status = WritebackStatus.Of(payment, row.Command, now);
            csv.Row(
                TimeZoneInfo.ConvertTime(payment.ProcessedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.PatientName ?? "Not assigned",
                SourceText.Label(payment),
                payment.Gross,
                payment.FeeKnown ? payment.Fee : "not reported yet",
                payment.Net,
                payment.Currency,
                row.RefundsAndDisputes.Refunded,
                row.RefundsAndDisputes.Dispute is { } dispute ? DisputeWords.Of(dispute.Status) : "",
                status.Label,
                status.Text,
                status.PmsPaymentId,
                payment.ProcessorReference,
                payment.Discrepancy);
        }
        return csv.ToFile($"payments-{TimeZoneInfo.ConvertTime(now, zone):yyyyMMdd}.csv");
    }
}
