using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DentalHub.Rewards;

/// <summary>
/// Runs the points rules for every practice that has them. It fires hourly rather than once at
/// midnight so each practice's birthdays are paid on its own local date, and so welcome bonuses follow
/// soon after a sync creates profiles; the once-only keys make the repeats harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PointsRulesJob(DentalHubDbFactory databases, PointsRules rules, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        List<TenantScope> practices;
        await using (var db = databases.CreateWithoutTenant())
        {
            // The scheduler works for every practice: the one place this job reads across tenants.
            practices = (await (
                from settings in db.PointsRuleSettings.IgnoreQueryFilters()
                join practice in db.Practices.IgnoreQueryFilters() on settings.PracticeId equals practice.Id
                where settings.WelcomePoints > 0 || settings.BirthdayPoints > 0
                select new { practice.OrganizationId, practice.Id })
                .ToListAsync(cancellationToken))
                .Select(p => TenantScope.ForPractice(p.OrganizationId, p.Id)).ToList();
        }
        foreach (var tenant in practices)
        {
            await rules.RunAsync(tenant, time.GetUtcNow(), cancellationToken);
        }
    }
}
