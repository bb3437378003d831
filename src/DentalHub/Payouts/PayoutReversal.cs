using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>
/// A payout the processor reports failed (or canceled): the money never reached the bank. A deposit not yet
/// written is withdrawn; one already in the books is left there, the payout is marked Reversed and the
/// bookkeeper is told once to delete that deposit (docs/decisions: payouts post as one deposit each).
/// </summary>
public sealed class PayoutReversal(DentalHubDbFactory databases, TimeProvider time)
{
    public async Task<string> ReverseAsync(TenantScope tenant, Guid processorConnectionId, ProcessorPayout failed, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        var why = failed.FailureMessage ?? failed.FailureCode ?? (failed.Status == Connectors.Contract.PayoutStatus.Canceled ? "canceled" : "no reason given");
        var payout = await db.Payouts.FirstOrDefaultAsync(p => p.ProcessorPayoutId == failed.PayoutId, cancellationToken);
        if (payout is null)
        {
            db.Payouts.Add(new Payout
            {
                PracticeId = tenant.PracticeId!.Value,
                ProcessorConnectionId = processorConnectionId,
                Processor = "stripe",
                ProcessorPayoutId = failed.PayoutId,
                ArrivalDate = failed.ArrivalDate,
                Currency = failed.Currency,
                NetAmount = failed.Amount,
                Status = PayoutState.Reversed,
                ProcessorFailed = true,
                HeldReason = $"Stripe reports this payout did not reach the bank ({why}). Nothing was written to QuickBooks.",
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            return $"Payout {failed.PayoutId} failed before it was recorded.";
        }
        if (payout.ProcessorFailed)
        {
            return $"Payout {failed.PayoutId} was already reversed.";
        }
        payout.ProcessorFailed = true;
        payout.Status = PayoutState.Reversed;
        payout.UpdatedAt = now;
        // The money never reached the bank, so there is nothing left to post: a "not posted" alert is moot.
        await Alerts.AlertClosing.CloseAsync(db, payout.Id, [PayoutAlerts.NotPosted, PayoutAlerts.NeedsReview], "the payout failed at the bank, so nothing is to be posted", now, cancellationToken);
        var command = await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken);
        if (command is null || command.State == WritebackState.Rejected || await PayoutCommands.WithdrawAsync(db, command, cancellationToken))
        {
            payout.HeldReason = $"Stripe reports this payout did not reach the bank ({why}). Its deposit was not written to QuickBooks.";
        }
        else if (command.State is WritebackState.Confirmed or WritebackState.HandledByHand)
        {
            payout.HeldReason = ToDeleteText(payout, why);
            PayoutAlerts.Raise(db, payout, PayoutAlerts.Reversed, payout.HeldReason, now);
        }
        else
        {
            payout.HeldReason = $"Stripe reports this payout did not reach the bank ({why}). Its deposit was being written; if it reached QuickBooks you are told which one to delete.";
        }
        await db.SaveChangesAsync(cancellationToken);
        return $"Payout {failed.PayoutId} reversed.";
    }

    public static string ToDeleteText(Payout payout, string why) => string.Create(CultureInfo.InvariantCulture,
        $"Payout {payout.ProcessorPayoutId} of {payout.NetAmount:0.00} {payout.Currency} failed after Stripe reported it paid ({why}): the money did not reach the bank. In QuickBooks, delete deposit {payout.DepositId ?? "(the one whose memo names this payout)"}; it will never match a bank line. Stripe returns the money to the balance, and the payout that carries it shows it on its Other adjustments line.");
}
