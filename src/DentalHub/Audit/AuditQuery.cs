using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Audit;

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, Guid? PatientId, AuditCursor? Before = null, int PageSize = 50);

/// <summary>Where a page of the audit log ends: the last entry it showed (pages go by entries, newest first).</summary>
public sealed record AuditCursor(DateTimeOffset At, long Id);

/// <summary>A page of the audit log: its lines, how many entries match in all, where the next older page starts, and the names its lines refer to.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int Total, AuditCursor? Older, AuditNames Names);

/// <summary>The patients and staff members a page refers to, by id; patients only for someone who may see them.</summary>
public sealed record AuditNames(IReadOnlyDictionary<Guid, string> Patients, IReadOnlyDictionary<string, string> Staff);

/// <summary>
/// Reads the audit log for the audit page, newest first. The log keeps one entry per view; the page shows a run of
/// list views of one list by one person as one line ("Patient list, 12 times between 9:02 and 9:40").
/// </summary>
public sealed class AuditQuery(DentalHubDbFactory databases)
{
    private const int Batch = 200;

    public async Task<AuditPage> FindAsync(TenantScope tenant, AuditFilter filter, bool withPatientNames, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var lines = new List<AuditLine>();
        var before = filter.Before;
        AuditCursor? older = null;
        while (older is null)
        {
            var batch = await After(query, before).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (lines.Count > 0 && lines[^1].Joins(entry))
                {
                    lines[^1] = lines[^1].With(entry);
                }
                else if (lines.Count == filter.PageSize)
                {
                    older = before;
                    break;
                }
                else
                {
                    lines.Add(AuditLine.Of(entry));
                }
                before = new AuditCursor(entry.At, entry.Id);
            }
            if (batch.Count < Batch)
            {
                break;
            }
        }
        return new AuditPage(lines, total, older, await NamesAsync(db, lines, withPatientNames, cancellationToken));
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filtered(DentalHubDb db, AuditFilter filter)
    {
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
        return query;
    }

    private static IQueryable<AuditEntry> After(IQueryable<AuditEntry> query, AuditCursor? before) =>
        before is null ? query : query.Where(e => e.At < before.At || (e.At == before.At && e.Id < before.Id));

    private static async Task<AuditNames> NamesAsync(DentalHubDb db, IReadOnlyList<AuditLine> lines, bool withPatientNames, CancellationToken cancellationToken)
    {
        var patientIds = withPatientNames ? lines.Where(l => l.PatientId is not null).Select(l => l.PatientId!.Value).Distinct().ToList() : [];
        var staffIds = lines.Select(l => l.StaffUserId).Concat(lines.Where(l => l.ActorKind == AuditActorKind.User).Select(l => l.ActorId))
            .OfType<string>().Distinct().ToList();
        var patients = patientIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, cancellationToken);
        var staff = staffIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new AuditNames(patients, staff);
    }
}
