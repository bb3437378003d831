using DentalHub.Data;
using DentalHub.Insurance;
using DentalHub.Ledger;
using DentalHub.Schedule;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <param name="CostKnown">False when the connection cannot read procedures: <paramref name="TotalFee"/> is then no cost.</param>
/// <param name="InsuranceEstimate">Every coverage together; null when the connection cannot read estimates.</param>
public sealed record ProfileAppointment(string PmsId, DateTimeOffset? StartsAt, int LengthMinutes, AppointmentStatus Status, string? Confirmation,
    string? ProviderName, string? ChairName, string? TypeName, decimal TotalFee, bool CostKnown, decimal? InsuranceEstimate, decimal? WriteOffEstimate,
    decimal? PatientPortion);

public sealed record ProfileCoverage(int Priority, string? CarrierName, string? GroupName, string? GroupNumber, string? SubscriberId, CoverageRelationship Relationship,
    DateOnly? EffectiveOn, DateOnly? TerminatesOn, decimal? AnnualMaximum, decimal? Deductible, decimal? BenefitsUsed, decimal? Remaining);

public sealed record ProfileLedgerLine(DateOnly Date, LedgerEntryKind Kind, string? Code, string? Description, decimal Amount);

/// <summary>What the PMS says about a profile's patient: appointments, the family's balance, coverages and recent ledger lines.</summary>
public sealed record PatientPmsData(
    IReadOnlyList<ProfileAppointment> Upcoming,
    IReadOnlyList<ProfileAppointment> Past,
    FamilyBalance? Balance,
    IReadOnlyList<ProfileCoverage> Coverages,
    IReadOnlyList<ProfileLedgerLine> RecentLedger)
{
    public static PatientPmsData None { get; } = new([], [], null, [], []);
}

/// <summary>
/// Reads a profile's PMS records through its links (connection, PMS id): records join by the patient's PMS id at
/// read time, so ones synced before the patient show as soon as the patient is linked. Deleted records are left out.
/// </summary>
public sealed class PatientPmsDataQuery(DentalHubDbFactory databases, TimeProvider time)
{
    public const int PastShown = 10;
    public const int LedgerShown = 12;

    public async Task<PatientPmsData> ForPatientAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        // In the preferred order: the family balance shown is the preferred link's.
        var links = await ProfileLinks.OfAsync(db, [patientId], cancellationToken);
        if (links.Count == 0)
        {
            return PatientPmsData.None;
        }
        var now = time.GetUtcNow();
        var appointments = new List<Appointment>();
        var coverages = new List<Coverage>();
        var ledger = new List<LedgerEntry>();
        FamilyBalance? balance = null;
        foreach (var link in links)
        {
            appointments.AddRange(await db.Appointments.AsNoTracking()
                .Where(a => a.ConnectionId == link.ConnectionId && a.PatientPmsId == link.PmsId && a.DeletedAt == null).ToListAsync(cancellationToken));
            coverages.AddRange(await db.Coverages.AsNoTracking()
                .Where(c => c.ConnectionId == link.ConnectionId && c.PatientPmsId == link.PmsId && c.DeletedAt == null).ToListAsync(cancellationToken));
            ledger.AddRange(await db.LedgerEntries.AsNoTracking()
                .Where(e => e.ConnectionId == link.ConnectionId && e.PatientPmsId == link.PmsId && e.DeletedAt == null)
                .OrderByDescending(e => e.Date).Take(LedgerShown).ToListAsync(cancellationToken));
            balance ??= await db.FamilyBalances.AsNoTracking()
                .FirstOrDefaultAsync(b => b.ConnectionId == link.ConnectionId && b.PmsId == (link.GuarantorPmsId ?? link.PmsId) && b.DeletedAt == null, cancellationToken);
        }
        var connections = links.Select(l => l.ConnectionId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => connections.Contains(p.ConnectionId)).ToListAsync(cancellationToken);
        var chairs = await db.Operatories.AsNoTracking().Where(o => connections.Contains(o.ConnectionId)).ToListAsync(cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => connections.Contains(t.ConnectionId)).ToListAsync(cancellationToken);
        var planIds = coverages.Where(c => c.PlanPmsId is not null).Select(c => c.PlanPmsId!).Distinct().ToList();
        var plans = await db.InsurancePlans.AsNoTracking().Where(p => connections.Contains(p.ConnectionId) && planIds.Contains(p.PmsId)).ToListAsync(cancellationToken);

        ProfileAppointment View(Appointment a) => new(
            a.PmsId, a.StartsAt, a.LengthMinutes, a.Status, a.Confirmation,
            providers.FirstOrDefault(p => p.ConnectionId == a.ConnectionId && p.PmsId == a.ProviderPmsId)?.DisplayName,
            chairs.FirstOrDefault(c => c.ConnectionId == a.ConnectionId && c.PmsId == a.OperatoryPmsId) is { } chair ? chair.Name ?? chair.Abbreviation : null,
            types.FirstOrDefault(t => t.ConnectionId == a.ConnectionId && t.PmsId == a.AppointmentTypePmsId)?.Name,
            a.TotalFee, a.ProceduresJson is not null, a.InsuranceEstimate, a.WriteOffEstimate, a.PatientPortion);

        var upcoming = appointments
            .Where(a => a.StartsAt >= now && a.Status == AppointmentStatus.Scheduled || a.StartsAt is null && a.Status is AppointmentStatus.Unscheduled or AppointmentStatus.Planned)
            .OrderBy(a => a.StartsAt ?? DateTimeOffset.MaxValue).Select(View).ToList();
        var past = appointments.Where(a => a.StartsAt < now)
            .OrderByDescending(a => a.StartsAt).Take(PastShown).Select(View).ToList();
        var coverageViews = coverages.OrderBy(c => c.Priority).Select(c =>
        {
            var plan = plans.FirstOrDefault(p => p.ConnectionId == c.ConnectionId && p.PmsId == c.PlanPmsId);
            return new ProfileCoverage(c.Priority, plan?.CarrierName, plan?.GroupName, plan?.GroupNumber, c.SubscriberId, c.Relationship, c.EffectiveOn, c.TerminatesOn,
                plan?.AnnualMaximum, plan?.Deductible, c.BenefitsUsed, plan is null ? null : Benefits.Remaining(plan, c));
        }).ToList();
        var lines = ledger.OrderByDescending(e => e.Date).Take(LedgerShown).Select(e => new ProfileLedgerLine(e.Date, e.Kind, e.Code, e.Description, e.Amount)).ToList();
        return new PatientPmsData(upcoming, past, balance, coverageViews, lines);
    }
}
