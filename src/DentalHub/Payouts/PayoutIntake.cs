using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <param name="Items">Null while the processor has not itemized the payout yet.</param>
public sealed record IncomingPayout(
    string ProcessorPayoutId,
    string Processor,
    Guid? ProcessorConnectionId,
    DateOnly ArrivalDate,
    string Currency,
    decimal NetAmount,
    IReadOnlyList<IncomingPayoutItem>? Items,
    string? WaitingReason = null,
    bool HoldWithoutItems = false);

public enum PayoutIntakeResult
{
    Created,
    Unchanged,
    Updated,

    /// <summary>The payout is already on its way to the books (or there) with other lines; nothing changed.</summary>
    Conflict,
}

/// <summary>
/// Records a payout once per processor payout id and, in the same transaction, the command that writes its
/// deposit (or the reason it is held). The writeback worker is woken at once.
/// </summary>
public sealed class PayoutIntake(DentalHubDbFactory databases, PayoutPlanning planning, WritebackSignal signal, TimeProvider time)
{
    public async Task<(Payout Payout, PayoutIntakeResult Result)> RecordAsync(TenantScope tenant, IncomingPayout incoming, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        var payout = await db.Payouts.Include(p => p.Items).FirstOrDefaultAsync(p => p.ProcessorPayoutId == incoming.ProcessorPayoutId, cancellationToken);
        var result = PayoutIntakeResult.Updated;
        if (payout is null)
        {
            payout = new Payout
            {
                PracticeId = tenant.PracticeId ?? throw new InvalidOperationException("A payout belongs to a practice."),
                ProcessorConnectionId = incoming.ProcessorConnectionId,
                Processor = incoming.Processor,
                ProcessorPayoutId = incoming.ProcessorPayoutId,
                Currency = incoming.Currency.ToUpperInvariant(),
                CreatedAt = now,
            };
            db.Payouts.Add(payout);
            result = PayoutIntakeResult.Created;
        }
        else if (payout.ProcessorFailed || (payout.Items.Count > 0 && (incoming.Items is null || SameLines(payout, incoming))))
        {
            return (payout, PayoutIntakeResult.Unchanged);
        }
        else if (payout.Items.Count > 0 && payout.Status is not (PayoutState.Held or PayoutState.Failed))
        {
            // Lines may be replaced only while nothing can be in the books yet.
            return (payout, PayoutIntakeResult.Conflict);
        }
        payout.ArrivalDate = incoming.ArrivalDate;
        payout.NetAmount = incoming.NetAmount;
        payout.UpdatedAt = now;
        var queued = false;
        if (incoming.Items is null)
        {
            payout.Status = incoming.HoldWithoutItems ? PayoutState.Held : PayoutState.Pending;
            payout.HeldReason = incoming.WaitingReason;
        }
        else
        {
            // A held payout may still have a deposit command waiting (for its connection, say) with the old lines.
            if (result == PayoutIntakeResult.Updated
                && !await PayoutCommands.ClearForNewPlanAsync(db, await PayoutCommands.LatestAsync(db, payout.Id, cancellationToken), cancellationToken))
            {
                return (payout, PayoutIntakeResult.Conflict);
            }
            db.PayoutItems.RemoveRange(payout.Items);
            payout.Items.Clear();
            var items = await PayoutItems.MatchAsync(db, payout, incoming.Items, cancellationToken);
            // Added explicitly: new rows with their keys set would otherwise be taken for existing ones.
            // Adding them also puts them in payout.Items (relationship fix-up).
            db.PayoutItems.AddRange(items);
            payout.Items.AddRange(items.Where(i => !payout.Items.Contains(i)));
            queued = await planning.PlanAsync(db, payout, now, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (result == PayoutIntakeResult.Created)
        {
            // The same payout arrived twice at once; the other request stored it.
            await using var again = databases.Create(tenant);
            return (await again.Payouts.AsNoTracking().FirstAsync(p => p.ProcessorPayoutId == incoming.ProcessorPayoutId, cancellationToken), PayoutIntakeResult.Unchanged);
        }
        if (queued)
        {
            signal.Wake();
        }
        return (payout, result);
    }

    private static bool SameLines(Payout payout, IncomingPayout incoming) =>
        payout.NetAmount == incoming.NetAmount
        && payout.Items.Count == incoming.Items!.Count
        && payout.Items.OrderBy(i => i.Category).ThenBy(i => i.SourceId).ThenBy(i => i.Gross)
            .Zip(incoming.Items.OrderBy(i => i.Category).ThenBy(i => i.SourceId).ThenBy(i => i.Gross))
            .All(pair => pair.First.Category == pair.Second.Category && pair.First.SourceId == pair.Second.SourceId
                && pair.First.Gross == pair.Second.Gross && pair.First.Fee == pair.Second.Fee
                && (pair.Second.SourceType is null || pair.First.SourceType == pair.Second.SourceType));
}
