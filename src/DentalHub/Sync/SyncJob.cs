using DentalHub.Tenancy;
using Quartz;

namespace DentalHub.Sync;

/// <summary>One connection's sync of one resource, fired by its schedule or by "Sync now". Never two of the same at once.</summary>
[DisallowConcurrentExecution]
public sealed class SyncJob(SyncRunner sync) : IJob
{
    public const string ConnectionKey = "connectionId";
    public const string PracticeKey = "practiceId";
    public const string OrganizationKey = "organizationId";
    public const string ResourceKey = "resource";
    public const string ManualKey = "manual";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = TenantScope.ForPractice(Guid.Parse(data.GetString(OrganizationKey)!), Guid.Parse(data.GetString(PracticeKey)!));
        var trigger = data.ContainsKey(ManualKey) ? SyncTrigger.Manual : SyncTrigger.Schedule;
        var resource = data.GetString(ResourceKey) ?? SyncResources.Patients;
        await sync.RunAsync(tenant, Guid.Parse(data.GetString(ConnectionKey)!), resource, trigger, cancellationToken);
    }
}
