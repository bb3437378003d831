using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Alerts;

/// <summary>
/// One open alert per connection that cannot take writes, however many writes wait behind it; it closes
/// on its own when a write through that connection succeeds again, or when the connection works again
/// and no write waits for it (<see cref="Writeback.WritebackResumption"/>).
/// </summary>
internal static class ConnectionAlerts
{
    public static async Task RaiseOnceAsync(DentalHubDb db, WritebackCommand command, string? problem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await IsOpenAsync(db, command.ConnectionId, cancellationToken))
        {
            return;
        }
        var name = await db.Connections.Where(c => c.Id == command.ConnectionId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var subject = name is null ? null : AlertSubject.Connection(command.ConnectionId, name);
        var alert = new Alert
        {
            PracticeId = command.PracticeId,
            Kind = AlertKinds.ConnectionNeedsAttention,
            SubjectId = command.ConnectionId,
            Text = $"A connection cannot take writes until someone fixes it: {problem} Writes wait and resume on their own once it is fixed.",
            SubjectName = subject?.Name,
            Link = subject?.Link,
            CreatedAt = now,
        };
        db.Alerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another dispatcher raised it first (IX_Alerts_OneOpenPerConnection). EF rolled back to its
            // savepoint, so the caller's transaction goes on; anything else is not ours to swallow.
            db.Entry(alert).State = EntityState.Detached;
            if (!await IsOpenAsync(db, command.ConnectionId, cancellationToken))
            {
                throw;
            }
        }
    }

    private static Task<bool> IsOpenAsync(DentalHubDb db, Guid connectionId, CancellationToken cancellationToken) =>
        db.Alerts.AnyAsync(a => a.Kind == AlertKinds.ConnectionNeedsAttention && a.SubjectId == connectionId && a.AcknowledgedAt == null, cancellationToken);

    public static Task ClearAsync(DentalHubDb db, Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken, string resolution = "a write succeeded") =>
        AlertClosing.CloseAsync(db, connectionId, [AlertKinds.ConnectionNeedsAttention], resolution, now, cancellationToken);
}
