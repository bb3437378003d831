using System.Globalization;
using System.Security.Claims;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Payouts;

/// <summary>The payouts page's date range as CSV, one row per payout with its lines summed by kind, for the bookkeeper.</summary>
public static class PayoutsExport
{
    public static void MapPayoutsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/payouts/export.csv", ExportAsync).RequireAuthorization(Policies.Payments).ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportAsync(
        string? from, string? to, ClaimsPrincipal user, PracticeAccess access, PayoutQuery query, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(user, cancellationToken) is not { } session)
        {
            return TypedResults.Forbid();
        }
        var views = await query.FindAsync(session.Tenant, new PayoutFilter(PracticeDays.Parse(from), PracticeDays.Parse(to)), 0, int.MaxValue, withLines: true, cancellationToken);
        await audit.RecordAsync(session.Tenant, session.Actor, "payouts.exported", $"{views.Count} payouts as CSV", cancellationToken: cancellationToken);
        var csv = new CsvFile("Arrives", "Payout", "Currency", "Charges", "Refunds", "Disputes", "Fees", "Other adjustments", "Net to the bank",
            "Lines add up", "Difference", "In QuickBooks", "Details", "QuickBooks deposit");
        foreach (var view in views)
        {
            var payout = view.Payout;
            var breakdown = PayoutBreakdown.Of(payout);
            decimal Gross(PayoutItemCategory category) => payout.Items.Where(i => i.Category == category).Sum(i => i.Gross);
            // Fees: every fee the processor kept (on charges, refunds and disputes) and fees billed on their own, as a negative amount.
            var fees = -payout.Items.Sum(i => i.Fee) + Gross(PayoutItemCategory.Fee);
            csv.Row(
                payout.ArrivalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                payout.ProcessorPayoutId,
                payout.Currency,
                Gross(PayoutItemCategory.Charge),
                Gross(PayoutItemCategory.Refund),
                Gross(PayoutItemCategory.Dispute),
                fees,
                Gross(PayoutItemCategory.Adjustment),
                payout.NetAmount,
                payout.Items.Count == 0 ? "Not itemized yet" : breakdown.AddsUp ? "Yes" : "No",
                breakdown.Difference,
                view.Label,
                view.Text,
                payout.DepositId);
        }
        return csv.ToFile($"payouts-{time.GetUtcNow():yyyyMMdd}.csv");
    }
}
