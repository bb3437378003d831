using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record PaymentRow(Payment Payment, string? PatientName, WritebackCommand? Command);

/// <summary>Recent payments with their writeback command, for the payments page.</summary>
public sealed class PaymentQuery(DentalHubDbFactory databases)
{
    public async Task<IReadOnlyList<PaymentRow>> RecentAsync(TenantScope tenant, bool onlyProblems, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var rows = await (
            from payment in db.Payments.AsNoTracking()
            join patient in db.Patients on payment.PatientId equals patient.Id into patients
            from patient in patients.DefaultIfEmpty()
            join command in db.WritebackCommands.AsNoTracking() on payment.Id equals command.SubjectId into commands
            from command in commands.DefaultIfEmpty()
            where !onlyProblems || payment.PatientId == null
                || (command != null && (command.State == WritebackState.Rejected || command.State == WritebackState.NeedsReview))
            orderby payment.ReceivedAt descending
            select new { payment, Name = patient == null ? null : patient.FirstName + " " + patient.LastName, command })
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PaymentRow(r.payment, r.Name, r.command)).ToList();
    }
}
