using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

public sealed record PatientSummary(Guid Id, string FirstName, string LastName, string? PreferredName, DateOnly? BirthDate, PatientStatus Status);

/// <param name="SyncedAt">When the PMS last told DentalHub about the record: read by sync, or opened from a PMS that only launches DentalHub.</param>
public sealed record PmsRecordLink(Guid ConnectionId, string ConnectionName, string PmsId, string? GuarantorPmsId, DateTimeOffset SyncedAt, string ConnectorKey);

/// <summary>A profile with where it comes from and who is responsible for the account.</summary>
public sealed record PatientProfile(Patient Patient, IReadOnlyList<PmsRecordLink> Links, PatientSummary? AccountHolder, IReadOnlyList<PatientSummary> Family);

/// <summary>Reads profiles; the family comes from the PMS guarantor of the profile's preferred link (<see cref="ProfileLinks"/>).</summary>
public sealed class PatientQuery(DentalHubDbFactory databases)
{
    public async Task<IReadOnlyList<PatientSummary>> SearchAsync(TenantScope tenant, string? search, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var query = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLower();
            query = query.Where(p => p.LastName.ToLower().StartsWith(text) || p.FirstName.ToLower().StartsWith(text) || (p.Email != null && p.Email.ToLower() == text));
        }
        return await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.PreferredName, p.BirthDate, p.Status))
            .ToListAsync(cancellationToken);
    }

    public async Task<PatientProfile?> FindAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var links = await ProfileLinks.OfAsync(db, [id], cancellationToken);
        var records = links.Select(l => new PmsRecordLink(l.ConnectionId, l.ConnectionName, l.PmsId, l.GuarantorPmsId, l.SyncedAt, l.ConnectorKey)).ToList();
        if (links.FirstOrDefault(l => l.GuarantorPmsId is not null) is not { GuarantorPmsId: { } guarantorPmsId } primary)
        {
            return new PatientProfile(patient, records, null, []);
        }
        var familyIds = await db.PatientLinks.AsNoTracking()
            .Where(l => l.ConnectionId == primary.ConnectionId && (l.GuarantorPmsId == guarantorPmsId || l.PmsId == guarantorPmsId))
            .Select(l => new { l.PatientId, l.PmsId })
            .ToListAsync(cancellationToken);
        var members = await db.Patients.AsNoTracking()
            .Where(p => familyIds.Select(f => f.PatientId).Contains(p.Id))
            .Select(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.PreferredName, p.BirthDate, p.Status))
            .ToListAsync(cancellationToken);
        var holderId = familyIds.FirstOrDefault(f => f.PmsId == guarantorPmsId)?.PatientId;
        return new PatientProfile(
            patient,
            records,
            members.FirstOrDefault(m => m.Id == holderId),
            members.Where(m => m.Id != id).OrderBy(m => m.BirthDate).ToList());
    }
}
