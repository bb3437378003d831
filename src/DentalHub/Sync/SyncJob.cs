using DentalHub.Tenancy;
using Quartz;

namespace DentalHub.Sync;

/// <summary>One connection's patient sync, fired by its schedule or by "Sync now". Never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class PatientSyncJob(PatientSync sync) : IJob
{
    public const string ConnectionKey = "connectionId";
    public const string PracticeKey = "practiceId";
    public const string OrganizationKey = "organizationId";
    public const string ManualKey = "manual";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = TenantScope.ForPractice(Guid.Parse(data.GetString(OrganizationKey)!), Guid.Parse(data.GetString(PracticeKey)!));
        var trigger = data.ContainsKey(ManualKey) ? SyncTrigger.Manual : SyncTrigger.Schedule;
        await sync.RunAsync(tenant, Guid.Parse(data.GetString(ConnectionKey)!), trigger, cancellationToken);
    }
}
