using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>
/// Retrying a payout: it is planned again (new plan version, so QuickBooks does not replay an old answer)
/// unless its deposit may be on its way, in which case the books are read back first.
/// </summary>
public sealed class PayoutActions(DentalHubDbFactory databases, PayoutPlanning planning, WritebackActions writeback, WritebackSignal signal, AuditLog audit, TimeProvider time)
{
    public async Task<string> RetryAsync(TenantScope tenant, AuditActor actor, Guid payoutId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payout = await db.Payouts.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == payoutId, cancellationToken);
        if (payout is null)
        {
            return "This payout no longer exists.";
        }
        var command = await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken);
        if (command is { State: WritebackState.NeedsReview })
        {
            // It may have reached the books: the retry reads them back before sending anything.
            await writeback.RetryAsync(tenant, actor, command.Id, cancellationToken);
            return "Checking QuickBooks for this deposit, then sending it if it is not there.";
        }
        var text = await ReplanAsync(db, payout, command, cancellationToken);
        audit.Add(db, actor, "payout.retried", $"Payout {payout.ProcessorPayoutId}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return text;
    }

    /// <summary>
    /// The bookkeeper entered the deposit in the books themselves (no QuickBooks connection, or they chose to): the
    /// payout counts as posted, with no deposit id of ours, and its alerts close. Only a held or refused payout whose
    /// deposit cannot be on its way; a payout whose lines do not add up too, since the bookkeeper saw the bank line.
    /// </summary>
    public async Task<PayoutActionResult> MarkPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid payoutId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payout = await db.Payouts.FirstOrDefaultAsync(p => p.Id == payoutId, cancellationToken);
        if (payout is null)
        {
            return new(false, "This payout no longer exists.");
        }
        if (payout.ProcessorFailed || payout.Status is not (PayoutState.Held or PayoutState.Failed))
        {
            return new(false, "Only a held payout, or one the books refused, can be marked as posted by hand.");
        }
        if (!await PayoutCommands.ClearForNewPlanAsync(db, await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken), cancellationToken))
        {
            return new(false, "The deposit is on its way to QuickBooks already.");
        }
        var now = time.GetUtcNow();
        payout.Status = PayoutState.Posted;
        payout.HeldReason = null;
        payout.DepositId = null;
        payout.UpdatedAt = now;
        audit.Add(db, actor, "payout.posted-by-hand", $"Payout {payout.ProcessorPayoutId}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await Alerts.AlertClosing.CloseAsync(db, payout.Id, PayoutAlerts.ResolvedByPostingByHand, $"posted by hand ({actor.Name})", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(true, "Marked as posted by hand. DentalHub will not send this deposit.");
    }

    /// <summary>
    /// Takes back "posted by hand": the payout returns to the state it had. A deposit that was sent once and refused
    /// (or may have arrived) is not sent again by itself: the payout is not accepted again and waits for a retry. One
    /// never sent is planned again, so it is held for the same reason or queued for QuickBooks.
    /// </summary>
    public async Task<PayoutActionResult> UndoPostedByHandAsync(TenantScope tenant, AuditActor actor, Guid payoutId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payout = await db.Payouts.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == payoutId, cancellationToken);
        if (payout is null)
        {
            return new(false, "This payout no longer exists.");
        }
        if (payout is not { Status: PayoutState.Posted, DepositId: null, ProcessorFailed: false })
        {
            return new(false, "Only a payout marked as posted by hand can be taken back.");
        }
        var now = time.GetUtcNow();
        string text;
        if (await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken) is { State: WritebackState.Rejected or WritebackState.NeedsReview } sent)
        {
            payout.Status = PayoutState.Failed;
            payout.HeldReason = sent.LastError;
            payout.UpdatedAt = now;
            text = "No longer marked as posted by hand. Its deposit was sent once and not accepted, so DentalHub does not send it again by itself: Retry it once the cause is fixed.";
        }
        else
        {
            var queued = await planning.PlanAsync(db, payout, now, cancellationToken);
            text = queued
                ? "No longer marked as posted by hand. Its deposit was never sent, so it is queued for QuickBooks."
                : $"No longer marked as posted by hand. Held: {payout.HeldReason}";
        }
        audit.Add(db, actor, "payout.posted-by-hand-undone", $"Payout {payout.ProcessorPayoutId}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return new(true, text);
    }

    /// <summary>After the account mapping changed: every payout of the connection not yet in the books is planned again.</summary>
    public async Task<int> ReplanUnpostedAsync(TenantScope tenant, Guid accountingConnectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payouts = await db.Payouts.Include(p => p.Items)
            .Where(p => (p.Status == PayoutState.Held || p.Status == PayoutState.Pending) && p.Items.Count > 0
                && (p.AccountingConnectionId == null || p.AccountingConnectionId == accountingConnectionId))
            .ToListAsync(cancellationToken);
        var replanned = 0;
        foreach (var payout in payouts)
        {
            var command = await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken);
            if (command is null or { State: WritebackState.Pending or WritebackState.Rejected })
            {
                await ReplanAsync(db, payout, command, cancellationToken);
                replanned++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return replanned;
    }

    private async Task<string> ReplanAsync(DentalHubDb db, Payout payout, WritebackCommand? command, CancellationToken cancellationToken)
    {
        if (payout.ProcessorFailed || payout.Status == PayoutState.Posted)
        {
            return "Nothing to retry: the payout is posted or reversed.";
        }
        if (!await PayoutCommands.ClearForNewPlanAsync(db, command, cancellationToken))
        {
            return "The deposit is on its way to QuickBooks already.";
        }
        if (payout.Items.Count == 0)
        {
            return "The payout has no lines yet; it is planned as soon as they arrive.";
        }
        var queued = await planning.PlanAsync(db, payout, time.GetUtcNow(), cancellationToken);
        return queued ? "Planned again and sent to QuickBooks." : $"Still held: {payout.HeldReason}";
    }
}
