using System.Text.Json;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>A payout as the bookkeeper reads it: its state, why, and every error QuickBooks gave.</summary>
public sealed record PayoutView(Payout Payout, PayoutState Status, string Text, IReadOnlyList<string> Errors, bool CanRetry)
{
    /// <summary>Waits on a fix made in the books: a deposit whose total does not match, or one to delete after the payout failed.</summary>
    public bool WaitsOnTheBooks => Payout.DepositId is not null && (Payout.ProcessorFailed || Payout.Difference is { } difference && difference != 0m);

    public static PayoutView Of(Payout payout, WritebackCommand? command)
    {
        var errors = JsonSerializer.Deserialize<List<string>>(payout.ErrorDetailsJson) ?? [];
        if (payout.Status is PayoutState.Pending && command is { State: WritebackState.NeedsReview or WritebackState.Rejected })
        {
            // Parked by the engine after many tries: a person decides.
            var error = command.LastError ?? "QuickBooks did not accept it.";
            return new(payout, PayoutState.Failed, error, errors.Count > 0 ? errors : [error], true);
        }
        var text = payout.Status switch
        {
            PayoutState.Posted => $"In QuickBooks as deposit {payout.DepositId}." + (payout.HeldReason is null ? "" : " " + payout.HeldReason),
            PayoutState.Pending => payout.HeldReason ?? "Being written to QuickBooks.",
            _ => payout.HeldReason ?? "",
        };
        var canRetry = payout.Status is PayoutState.Held or PayoutState.Failed && !payout.ProcessorFailed;
        return new(payout, payout.Status, text, errors, canRetry);
    }
}

public sealed class PayoutQuery(DentalHubDbFactory databases)
{
    public async Task<IReadOnlyList<PayoutView>> RecentAsync(TenantScope tenant, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payouts = await db.Payouts.AsNoTracking().OrderByDescending(p => p.ArrivalDate).ThenByDescending(p => p.CreatedAt).Take(take).ToListAsync(cancellationToken);
        var ids = payouts.Select(p => p.Id).ToList();
        var commands = (await db.WritebackCommands.AsNoTracking().Where(c => c.Kind == WritebackKinds.Deposit && ids.Contains(c.SubjectId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Reference, StringComparer.Ordinal).First());
        return payouts.Select(p => PayoutView.Of(p, commands.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task<PayoutView?> FindAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var payout = await db.Payouts.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payout is null ? null : PayoutView.Of(payout, await PayoutCommands.LatestAsync(db, id, cancellationToken));
    }
}
