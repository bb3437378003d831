using System.Text.Json;
using DentalHub.Bookkeeping;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>
/// Plans a payout's deposit against the practice's accounting connection and its account mapping, and
/// queues the command that writes it, or holds the payout with the reason.
/// </summary>
public sealed class PayoutPlanning(AvailableConnectors connectors)
{
    /// <summary>Plans into <paramref name="db"/> (the caller saves); true when a command was queued.</summary>
    public async Task<bool> PlanAsync(DentalHubDb db, Payout payout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        payout.Gross = payout.Items.Where(i => i.Category == PayoutItemCategory.Charge).Sum(i => i.Gross);
        payout.Fees = payout.Items.Sum(i => i.Fee) - payout.Items.Where(i => i.Category == PayoutItemCategory.Fee).Sum(i => i.Gross);
        payout.ErrorDetailsJson = "[]";
        payout.Difference = null;
        if (payout.Items.Count > 0 && DepositPlanner.LinesOff(payout) is { } off)
        {
            // Flagged when it arrives, QuickBooks or not: the bookkeeper needs to know the processor's lines are incomplete.
            await RaiseOnceAsync(db, payout, off.Reason, now, cancellationToken);
            return Hold(payout, off, now);
        }
        var books = await AccountingConnectionAsync(db, cancellationToken);
        if (books is null)
        {
            return Hold(payout, new DepositPlan.Held("No QuickBooks connection can take deposits. Connect QuickBooks under Connections, then retry."), now);
        }
        payout.AccountingConnectionId = books.Id;
        var mapping = await db.AccountMappings.AsNoTracking().FirstOrDefaultAsync(m => m.ConnectionId == books.Id, cancellationToken);
        payout.PlanVersion++;
        var plan = DepositPlanner.Plan(payout, mapping?.Accounts ?? new Dictionary<string, string>());
        if (plan is not DepositPlan.Ready ready)
        {
            return Hold(payout, (DepositPlan.Held)plan, now);
        }
        payout.Status = PayoutState.Pending;
        payout.HeldReason = null;
        db.WritebackCommands.Add(new WritebackCommand
        {
            PracticeId = payout.PracticeId,
            ConnectionId = books.Id,
            Kind = WritebackKinds.Deposit,
            SubjectId = payout.Id,
            OrderKey = $"payout:{payout.Id:N}",
            Reference = $"DHPO-{payout.Id:N}-{payout.PlanVersion}",
            PayloadJson = JsonSerializer.Serialize(ready.Deposit),
            State = WritebackState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return true;
    }

    /// <summary>The practice's enabled connection that writes deposits (QuickBooks Online).</summary>
    public async Task<Connection?> AccountingConnectionAsync(DentalHubDb db, CancellationToken cancellationToken)
    {
        var enabled = await db.Connections.AsNoTracking().Where(c => c.Enabled).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        return enabled.FirstOrDefault(c => connectors.Find(c.ConnectorKey)?.Kind == ConnectorKind.Accounting);
    }

    private static async Task RaiseOnceAsync(DentalHubDb db, Payout payout, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Alerts.AnyAsync(a => a.SubjectId == payout.Id && a.Kind == PayoutAlerts.LinesDoNotAddUp && a.AcknowledgedAt == null, cancellationToken))
        {
            PayoutAlerts.Raise(db, payout, PayoutAlerts.LinesDoNotAddUp, $"Payout {payout.ProcessorPayoutId} arriving {payout.ArrivalDate:yyyy-MM-dd}: {text}", now);
        }
    }

    private static bool Hold(Payout payout, DepositPlan.Held held, DateTimeOffset now)
    {
        payout.Status = PayoutState.Held;
        payout.HeldReason = held.Reason;
        payout.Difference = held.Difference;
        payout.UpdatedAt = now;
        return false;
    }
}
