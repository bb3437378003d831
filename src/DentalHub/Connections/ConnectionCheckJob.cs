using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DentalHub.Connections;

/// <summary>Checks every enabled connection of every practice and stores the outcome.</summary>
[DisallowConcurrentExecution]
public sealed class ConnectionCheckJob(DentalHubDbFactory databases, ConnectionService connections) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid PracticeId, Guid OrganizationId)> enabled;
        await using (var db = databases.CreateWithoutTenant())
        {
            // The scheduler works for every practice: the one place this job reads across tenants.
            enabled = (await (
                from connection in db.Connections.IgnoreQueryFilters()
                join practice in db.Practices.IgnoreQueryFilters() on connection.PracticeId equals practice.Id
                where connection.Enabled
                select new { connection.Id, connection.PracticeId, practice.OrganizationId })
                .ToListAsync(cancellationToken))
                .Select(x => (x.Id, x.PracticeId, x.OrganizationId)).ToList();
        }
        foreach (var (id, practiceId, organizationId) in enabled)
        {
            await connections.CheckAsync(TenantScope.ForPractice(organizationId, practiceId), AuditActor.System, id, cancellationToken);
        }
    }
}
