using DentalHub.Data;
using DentalHub.Payments.RefundsAndDisputes;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record PaymentRow(Payment Payment, string? PatientName, WritebackCommand? Command, RefundsAndDisputesOf RefundsAndDisputes);

/// <summary>Recent payments with their writeback command, refunds and disputes, for the payments page.</summary>
public sealed class PaymentQuery(DentalHubDbFactory databases)
{
    /// <param name="paymentId">Only this payment (the page an alert links to).</param>
    public async Task<IReadOnlyList<PaymentRow>> RecentAsync(TenantScope tenant, bool onlyProblems, int take, CancellationToken cancellationToken, Guid? paymentId = null)
    {
        await using var db = databases.Create(tenant);
        var rows = await (
            from payment in db.Payments.AsNoTracking()
            join patient in db.Patients on payment.PatientId equals patient.Id into patients
            from patient in patients.DefaultIfEmpty()
            join command in db.WritebackCommands.AsNoTracking() on payment.Id equals command.SubjectId into commands
            from command in commands.DefaultIfEmpty()
            where paymentId == null || payment.Id == paymentId
            where !onlyProblems || payment.PatientId == null
                || (command != null && (command.State == WritebackState.Rejected || command.State == WritebackState.NeedsReview))
            orderby payment.ReceivedAt descending
            select new { payment, Name = patient == null ? null : patient.FirstName + " " + patient.LastName, command })
            .Take(take)
            .ToListAsync(cancellationToken);
        var given = await RefundsAndDisputesOf.ForAsync(db, rows.Select(r => r.payment.ProcessorReference).ToList(), cancellationToken);
        return rows.Select(r => new PaymentRow(r.payment, r.Name, r.command, given.GetValueOrDefault(r.payment.ProcessorReference) ?? RefundsAndDisputesOf.None)).ToList();
    }
}
