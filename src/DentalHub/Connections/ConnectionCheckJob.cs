using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DentalHub.Connections;

/// <summary>
/// Checks every enabled connection of every practice and stores the outcome; then reads the books again for
/// payout alerts whose fix is made there (<see cref="Payouts.PayoutBooksCheck"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ConnectionCheckJob(DentalHubDbFactory databases, ConnectionService connections, Payouts.PayoutBooksCheck books) : IJob
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
        foreach (var (_, practiceId, organizationId) in enabled.DistinctBy(c => c.PracticeId))
        {
            await books.RecheckAsync(TenantScope.ForPractice(organizationId, practiceId), cancellationToken);
        }
    }
}
