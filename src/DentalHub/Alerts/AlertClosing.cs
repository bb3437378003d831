using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Alerts;

/// <summary>
/// Closes the open alerts about one thing once their cause is resolved (the payment recorded or posted by hand,
/// the payout posted, the connection working again), so they leave the dashboard and are never e-mailed or
/// posted afterwards. Runs in the caller's unit of work, with the change that resolved them.
/// </summary>
public static class AlertClosing
{
    public static Task<int> CloseAsync(DentalHubDb db, Guid subjectId, IReadOnlyCollection<string> kinds, string resolution, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Alerts.Where(a => a.SubjectId == subjectId && kinds.Contains(a.Kind) && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, Trim("Resolved: " + resolution)), cancellationToken);

    private static string Trim(string text) => text.Length > 200 ? text[..200] : text;
}
