using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Sync;

/// <summary>A connection's current run and history, for the sync page and the dashboard.</summary>
public sealed class SyncRunQuery(DentalHubDbFactory databases)
{
    public async Task<IReadOnlyList<SyncRun>> RecentAsync(TenantScope tenant, Guid connectionId, int count, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId)
            .OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, SyncRun>> LatestByConnectionAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var latest = await db.SyncRuns.AsNoTracking()
            .Where(r => r.StartedAt == db.SyncRuns.Where(x => x.ConnectionId == r.ConnectionId).Max(x => x.StartedAt))
            .ToListAsync(cancellationToken);
        return latest.GroupBy(r => r.ConnectionId).ToDictionary(g => g.Key, g => g.First());
    }
}
