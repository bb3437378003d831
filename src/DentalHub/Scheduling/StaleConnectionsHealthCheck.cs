using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DentalHub.Scheduling;

/// <summary>
/// Every enabled connection that reads a PMS has read successfully within what its schedule allows
/// (<see cref="SyncScheduler.StaleAfter"/>, as the dashboard judges it); a stale one makes the hub Degraded,
/// named by its ids only.
/// </summary>
public sealed class StaleConnectionsHealthCheck(DentalHubDbFactory databases, AvailableConnectors available, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateWithoutTenant();
        // Health covers every practice: the one place connections are read across tenants for it.
        var readers = (await db.Connections.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Enabled)
            .Select(c => new { c.Id, c.PracticeId, c.ConnectorKey, c.SyncSchedule, c.SyncIntervalMinutes, c.LastSuccessfulReadAt, c.CreatedAt })
            .ToListAsync(cancellationToken))
            .Where(c => available.Find(c.ConnectorKey)?.Syncs == true)
            .ToList();
        var now = time.GetUtcNow();
        var stale = readers
            .Where(c => now - (c.LastSuccessfulReadAt ?? c.CreatedAt) > SyncScheduler.StaleAfter(c.SyncSchedule, c.SyncIntervalMinutes))
            .Select(c => new { connectionId = c.Id, practiceId = c.PracticeId, lastSuccessfulReadAt = c.LastSuccessfulReadAt })
            .ToList();
        var data = new Dictionary<string, object> { ["connections"] = readers.Count, ["stale"] = stale };
        return stale.Count == 0
            ? HealthCheckResult.Healthy("Every connection read within its schedule.", data)
            : HealthCheckResult.Degraded($"{stale.Count} of {readers.Count} connections have not read successfully for longer than their schedule allows.", data: data);
    }
}
