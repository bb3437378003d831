using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Sync;

/// <summary>How one resource of a connection stands: when it was last read in full, its latest run and its open failures.</summary>
public sealed record ResourceHealth(SyncResource Resource, DateTimeOffset? LastSuccessAt, SyncRun? LastRun, int OpenFailures);

/// <summary>A connection's runs and the health of each resource it reads, for the sync page and the dashboard.</summary>
public sealed class SyncRunQuery(DentalHubDbFactory databases, SyncScheduler schedules)
{
    public async Task<IReadOnlyList<SyncRun>> RecentAsync(TenantScope tenant, Guid connectionId, int count, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId)
            .OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>The latest run of each resource, per connection.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SyncRun>>> LatestByConnectionAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var latest = await db.SyncRuns.AsNoTracking()
            .Where(r => r.StartedAt == db.SyncRuns.Where(x => x.ConnectionId == r.ConnectionId && x.Resource == r.Resource).Max(x => x.StartedAt))
            .ToListAsync(cancellationToken);
        return latest.GroupBy(r => r.ConnectionId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<SyncRun>)g.GroupBy(r => r.Resource).Select(r => r.First()).OrderBy(r => SyncResourceCatalog.Find(r.Resource)?.Order ?? int.MaxValue).ToList());
    }

    /// <summary>
    /// The resources the connection's system provides, in catalog order; empty when it reads none or does not exist.
    /// Asks the connector (secrets decrypted), so a page asks once, not on every refresh.
    /// </summary>
    public async Task<IReadOnlyList<SyncResource>> ReadByAsync(TenantScope tenant, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        return connection is null ? [] : schedules.ResourcesReadBy(connection);
    }

    /// <summary>How each of <paramref name="resources"/> stands on this connection: last complete read, latest run, open failures.</summary>
    public async Task<IReadOnlyList<ResourceHealth>> HealthAsync(TenantScope tenant, Guid connectionId, IReadOnlyList<SyncResource> resources, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var states = await db.SyncStates.AsNoTracking().Where(s => s.ConnectionId == connectionId)
            .ToDictionaryAsync(s => s.Resource, s => s.LastSuccessAt, cancellationToken);
        var failures = await db.ImportFailures.AsNoTracking()
            .Where(f => f.ConnectionId == connectionId && f.Severity == ImportFailureSeverity.Error)
            .GroupBy(f => f.Resource).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var latest = await db.SyncRuns.AsNoTracking()
            .Where(r => r.ConnectionId == connectionId
                && r.StartedAt == db.SyncRuns.Where(x => x.ConnectionId == connectionId && x.Resource == r.Resource).Max(x => x.StartedAt))
            .ToListAsync(cancellationToken);
        return resources
            .Select(r => new ResourceHealth(r, states.GetValueOrDefault(r.Name), latest.FirstOrDefault(run => run.Resource == r.Name), failures.GetValueOrDefault(r.Name)))
            .ToList();
    }
}
