using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.PmsEvents;

/// <summary>What the target reported about a command's write, as the dispatcher reads it when it looks the write up again.</summary>
internal static class PmsWriteReports
{
    /// <summary>
    /// The report that decides: written over failed over still waiting, whatever order they arrived in (a payment in the
    /// ledger is the truth even after a report that it failed). A failure reported before <paramref name="sentSince"/> was
    /// about an earlier send, which a person has since retried. Null when nothing was reported.
    /// </summary>
    public static async Task<PmsEventReceipt?> LatestAsync(DentalHubDb db, WritebackCommand command, DateTimeOffset sentSince, CancellationToken cancellationToken)
    {
        var reports = await db.PmsEventReceipts.AsNoTracking()
            .Where(r => r.ConnectionId == command.ConnectionId && r.Reference == command.Reference && r.Outcome != null)
            .ToListAsync(cancellationToken);
        return reports
            .Where(r => r.Outcome == PmsWriteReportOutcome.Written || r.ReceivedAt >= sentSince)
            .OrderBy(r => r.Outcome switch { PmsWriteReportOutcome.Written => 0, PmsWriteReportOutcome.Failed => 1, _ => 2 })
            .ThenByDescending(r => r.ReceivedAt)
            .FirstOrDefault();
    }
}
