using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Connections;

/// <summary>The enabled connection a webhook's address names, with its practice: the sender is not signed in, so the address says whose it is.</summary>
public sealed record WebhookConnection(Connection Connection, Practice Practice)
{
    public TenantScope Tenant => TenantScope.ForPractice(Practice.OrganizationId, Practice.Id);

    /// <summary>Null when there is no such connection or it is disabled.</summary>
    public static async Task<WebhookConnection?> FindAsync(DentalHubDbFactory databases, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        return await (
            from connection in db.Connections.IgnoreQueryFilters()
            join practice in db.Practices.IgnoreQueryFilters() on connection.PracticeId equals practice.Id
            where connection.Id == connectionId && connection.Enabled
            select new WebhookConnection(connection, practice)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }
}
