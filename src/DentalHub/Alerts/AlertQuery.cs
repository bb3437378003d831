using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Alerts;

/// <summary>Open alerts for the dashboard, and acknowledging them.</summary>
public sealed class AlertQuery(DentalHubDbFactory databases, TimeProvider time)
{
    public async Task<IReadOnlyList<Alert>> OpenAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.CreatedAt).Take(20).ToListAsync(cancellationToken);
    }

    public async Task AcknowledgeAsync(TenantScope tenant, Guid alertId, string who, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        await db.Alerts.Where(a => a.Id == alertId && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, time.GetUtcNow()).SetProperty(a => a.AcknowledgedBy, who), cancellationToken);
    }
}
