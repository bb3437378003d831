using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Patients;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Sync;

/// <summary>
/// Reads what a page needs to know in four set-wise queries, whatever the page size. Each list goes to
/// the database as one array parameter (EF.Parameter: json_each on SQLite, = ANY on PostgreSQL), not as
/// EF Core 10's default of one parameter per element: with a 1,000-row page that default binds 1,000
/// parameters by name per query, which cost more than the lookups themselves.
/// </summary>
public static class PageLookupQueries
{
    public static async Task<PageLookups> LoadAsync(DentalHubDb db, Guid connectionId, IReadOnlyList<PmsPatient> page, CancellationToken cancellationToken)
    {
        var pmsIds = page.Select(p => p.PmsId).Distinct().ToList();
        // With the profile's indexed fields, so a changed record whose name and birthdate stayed the same is
        // written without touching the name and match-key indexes (see StoredIdentity).
        var links = await (
            from l in db.PatientLinks.AsNoTracking()
            where l.ConnectionId == connectionId && EF.Parameter(pmsIds).Contains(l.PmsId)
            join p in db.Patients.AsNoTracking() on l.PatientId equals p.Id
            select new { l.PmsId, l.PatientId, l.ContentHash, l.GuarantorPmsId, p.FirstName, p.LastName, p.MatchKey })
            .ToDictionaryAsync(l => l.PmsId, l => new ExistingLink(l.PatientId, l.ContentHash, new StoredIdentity(l.FirstName, l.LastName, l.MatchKey, l.GuarantorPmsId)), cancellationToken);
        var withFailures = await db.ImportFailures.AsNoTracking()
            .Where(f => f.ConnectionId == connectionId && f.Resource == SyncResources.Patients && EF.Parameter(pmsIds).Contains(f.PmsId))
            .Select(f => f.PmsId)
            .ToListAsync(cancellationToken);

        var keys = page
            .Where(p => !links.ContainsKey(p.PmsId) && !string.IsNullOrWhiteSpace(p.FirstName) && !string.IsNullOrWhiteSpace(p.LastName) && p.BirthDate is not null)
            .Select(p => MatchKeys.For(p.FirstName!, p.LastName!, p.BirthDate!.Value))
            .Distinct()
            .ToList();
        var candidates = new Dictionary<string, IReadOnlyList<MatchCandidate>>();
        if (keys.Count > 0)
        {
            var profiles = await db.Patients.AsNoTracking()
                .Where(p => EF.Parameter(keys).Contains(p.MatchKey))
                .Select(p => new { p.Id, p.MatchKey, p.FirstName, p.LastName, p.BirthDate })
                .ToListAsync(cancellationToken);
            var profileIds = profiles.Select(p => p.Id).ToList();
            // By profile only, filtered to this connection in memory: with "ConnectionId = @c" in the SQL,
            // SQLite (no statistics) walks every link of the connection instead of the PatientId index.
            var linkedToProfiles = profileIds.Count == 0 ? [] : await db.PatientLinks.AsNoTracking()
                .Where(l => EF.Parameter(profileIds).Contains(l.PatientId))
                .Select(l => new { l.ConnectionId, l.PatientId, l.PmsId })
                .ToListAsync(cancellationToken);
            var linkedPmsId = linkedToProfiles.Where(l => l.ConnectionId == connectionId)
                .GroupBy(l => l.PatientId).ToDictionary(g => g.Key, g => g.First().PmsId);
            foreach (var group in profiles.GroupBy(p => p.MatchKey))
            {
                candidates[group.Key] = group
                    .Select(p => new MatchCandidate(p.Id, $"{p.FirstName} {p.LastName}", p.BirthDate, linkedPmsId.GetValueOrDefault(p.Id)))
                    .ToList();
            }
        }
        return new PageLookups(links, candidates, withFailures.ToHashSet(StringComparer.Ordinal));
    }
}
