using DentalHub.Components.Shared;
using DentalHub.Data;
using DentalHub.Payments.RefundsAndDisputes;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public sealed record PaymentRow(Payment Payment, string? PatientName, WritebackCommand? Command, RefundsAndDisputesOf RefundsAndDisputes);

/// <summary>Which payments: paid between two days of the practice (inclusive), only those that need someone, or one payment (where an alert links).</summary>
public sealed record PaymentFilter(DateOnly? From = null, DateOnly? To = null, bool OnlyProblems = false, bool OnlyUnassigned = false, Guid? PaymentId = null);

/// <summary>The sums of a filtered set of payments in one currency.</summary>
public sealed record PaymentTotals(string Currency, int Count, decimal Gross, decimal Fees, decimal Net);

/// <summary>Payments with their writeback command, refunds and disputes, for the payments page, its export and the API.</summary>
public sealed class PaymentQuery(DentalHubDbFactory databases)
{
    /// <summary>The newest first (by when they were paid), skipping <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<PaymentRow>> FindAsync(TenantScope tenant, PaymentFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var rows = await Filtered(db, filter, await ZoneAsync(db, cancellationToken))
            .OrderByDescending(r => r.Payment.ProcessedAt).ThenBy(r => r.Payment.Id)
            .Skip(skip)
            .Take(take)
            .Select(r => new { Payment = r.Payment, Command = r.Command, Name = r.Patient == null ? null : r.Patient.FirstName + " " + r.Patient.LastName })
            .ToListAsync(cancellationToken);
        var given = await RefundsAndDisputesOf.ForAsync(db, rows.Select(r => r.Payment.ProcessorReference).ToList(), cancellationToken);
        return rows.Select(r => new PaymentRow(r.Payment, r.Name, r.Command, given.GetValueOrDefault(r.Payment.ProcessorReference) ?? RefundsAndDisputesOf.None)).ToList();
    }

    /// <summary>Gross, fees and net of every payment the filter selects (not only a page of them), per currency.</summary>
    public async Task<IReadOnlyList<PaymentTotals>> TotalsAsync(TenantScope tenant, PaymentFilter filter, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        // Summed here: SQLite keeps decimals as text and would sum them as floating point.
        var amounts = await Filtered(db, filter, await ZoneAsync(db, cancellationToken))
            .Select(r => new { r.Payment.Currency, r.Payment.Gross, r.Payment.Fee, r.Payment.Net })
            .ToListAsync(cancellationToken);
        return amounts.GroupBy(a => a.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PaymentTotals(g.Key, g.Count(), g.Sum(a => a.Gross), g.Sum(a => a.Fee), g.Sum(a => a.Net)))
            .ToList();
    }

    public async Task<PaymentRow?> OneAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var row = await AllJoined(db).Where(r => r.Payment.Id == id)
            .Select(r => new { Payment = r.Payment, Command = r.Command, Name = r.Patient == null ? null : r.Patient.FirstName + " " + r.Patient.LastName })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new PaymentRow(row.Payment, row.Name, row.Command, await RefundsAndDisputesOf.ForAsync(db, row.Payment.ProcessorReference, cancellationToken));
    }

    private static async Task<TimeZoneInfo> ZoneAsync(DentalHubDb db, CancellationToken cancellationToken) =>
        (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone;

    private static IQueryable<Joined> AllJoined(DentalHubDb db) =>
        from payment in db.Payments.AsNoTracking()
        join patient in db.Patients.AsNoTracking() on payment.PatientId equals patient.Id into patients
        from patient in patients.DefaultIfEmpty()
        join command in db.WritebackCommands.AsNoTracking().Where(c => c.Kind == WritebackKinds.Payment) on payment.Id equals command.SubjectId into commands
        from command in commands.DefaultIfEmpty()
        select new Joined { Payment = payment, Patient = patient, Command = command };

    private static IQueryable<Joined> Filtered(DentalHubDb db, PaymentFilter filter, TimeZoneInfo zone)
    {
        var query = AllJoined(db);
        var (start, end) = PracticeDays.Bounds(filter.From, filter.To, zone);
        if (start is { } from)
        {
            query = query.Where(r => r.Payment.ProcessedAt >= from);
        }
        if (end is { } until)
        {
            query = query.Where(r => r.Payment.ProcessedAt < until);
        }
        if (filter.PaymentId is { } paymentId)
        {
            query = query.Where(r => r.Payment.Id == paymentId);
        }
        if (filter.OnlyUnassigned)
        {
            query = query.Where(r => r.Payment.PatientId == null);
        }
        if (filter.OnlyProblems)
        {
            query = query.Where(r => r.Payment.PatientId == null || r.Payment.Discrepancy != null
                || (r.Command != null && (r.Command.State == WritebackState.Rejected || r.Command.State == WritebackState.NeedsReview)));
        }
        return query;
    }

    /// <summary>A payment with its patient and command, composable (member initialization, which EF Core can filter on).</summary>
    private sealed class Joined
    {
        public required Payment Payment { get; init; }
        public Patients.Patient? Patient { get; init; }
        public WritebackCommand? Command { get; init; }
    }
}
