using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Audit;

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, Guid? PatientId, int Page = 0, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>Reads the audit log for the audit page, newest first.</summary>
public sealed class AuditQuery(DentalHubDbFactory databases)
{
    public async Task<AuditPage> FindAsync(TenantScope tenant, AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor) || e.ActorId == actor);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }
        if (filter.PatientId is { } patient)
        {
            query = query.Where(e => e.PatientId == patient);
        }
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(filter.Page * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
