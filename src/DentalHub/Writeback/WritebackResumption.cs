using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// A connection that could not take writes works again (its check passed, it was reconnected): the writes
/// waiting for it are tried now rather than at their next turn, and the write that goes through closes
/// its alert. With no write waiting, nothing can confirm the fix, so the alert closes here.
/// </summary>
public sealed class WritebackResumption(DentalHubDbFactory databases, WritebackSignal signal, TimeProvider time, ILogger<WritebackResumption> logger)
{
    public async Task ConnectionWorksAsync(TenantScope tenant, Guid connectionId, string why, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        // Only writes that were tried and told to wait; a payment held for the daily batch keeps its time.
        var waiting = await db.WritebackCommands
            .Where(c => c.ConnectionId == connectionId && c.State == WritebackState.Pending && c.LastError != null && c.NextAttemptAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, now), cancellationToken);
        var stillWaiting = waiting > 0
            || await db.WritebackCommands.AnyAsync(c => c.ConnectionId == connectionId && c.State == WritebackState.Pending && c.LastError != null, cancellationToken);
        if (stillWaiting)
        {
            WritebackLog.Resumed(logger, connectionId, waiting);
            signal.Wake();
            return;
        }
        await Alerts.ConnectionAlerts.ClearAsync(db, connectionId, now, cancellationToken, why);
    }
}
