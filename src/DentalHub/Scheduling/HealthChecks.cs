using System.Text.Json;
using DentalHub.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace DentalHub.Scheduling;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(DentalHubDbFactory databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateWithoutTenant();
        var provider = databases.Settings.Provider.ToString();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{provider} database reachable.")
            : HealthCheckResult.Unhealthy($"{provider} database not reachable.");
    }
}

/// <summary>The scheduler runs, on a persistent store.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var meta = await scheduler.GetMetadata(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["status"] = meta.Status.ToString(),
            ["persistent"] = meta.JobStorePersistent,
            ["clustered"] = meta.JobStoreClustered,
            ["jobStore"] = meta.JobStoreTypeName,
        };
        if (meta.Status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy("The scheduler is not running.", data: data);
        }
        return meta.JobStorePersistent
            ? HealthCheckResult.Healthy("The scheduler runs on a persistent store.", data)
            : HealthCheckResult.Degraded("The scheduler runs, but its store is not persistent.", data: data);
    }
}

public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
