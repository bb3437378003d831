using DentalHub.Alerts;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>
/// Reads the books again for the payout alerts whose fix is made there, not in DentalHub: a deposit whose total
/// did not match the payout (the alert closes once it does) and a deposit to delete after its payout failed at
/// the bank (the alert closes once it is gone). Run by "Check again" on the Payouts page and by the periodic
/// connection checks.
/// </summary>
public sealed class PayoutBooksCheck(DentalHubDbFactory databases, ConnectorFactory connectors, TimeProvider time, ILogger<PayoutBooksCheck> logger)
{
    private static readonly string[] FixedInTheBooks = [PayoutAlerts.TotalMismatch, PayoutAlerts.Reversed];

    /// <summary>Returns how many alerts closed.</summary>
    public async Task<int> RecheckAsync(TenantScope tenant, CancellationToken cancellationToken, Guid? payoutId = null)
    {
        await using var db = databases.Create(tenant);
        var waiting = await db.Alerts.AsNoTracking()
            .Where(a => a.AcknowledgedAt == null && FixedInTheBooks.Contains(a.Kind) && (payoutId == null || a.SubjectId == payoutId))
            .Select(a => a.SubjectId).Distinct().ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var payouts = await db.Payouts.Where(p => waiting.Contains(p.Id) && p.DepositId != null && p.AccountingConnectionId != null).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var payout in payouts)
        {
            var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == payout.AccountingConnectionId, cancellationToken);
            if (connection is null || connectors.Create(connection) is not IWritesDeposits books)
            {
                continue;
            }
            WrittenDeposit? stored;
            try
            {
                stored = await books.ReadDepositAsync(payout.DepositId!, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Reading deposit of payout {PayoutId} back from connection {ConnectionId} failed with {ExceptionType}", payout.Id, connection.Id, e.GetType().Name);
                continue;
            }
            closed += await ResolveAsync(db, payout, stored, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return closed;
    }

    private async Task<int> ResolveAsync(DentalHubDb db, Payout payout, WrittenDeposit? stored, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (payout.ProcessorFailed)
        {
            if (stored is not null)
            {
                return 0;
            }
            payout.HeldReason = $"Payout {payout.ProcessorPayoutId} failed at the bank after it was posted; its deposit {payout.DepositId} has since been deleted from the books.";
            payout.DepositId = null;
            payout.UpdatedAt = now;
            return await AlertClosing.CloseAsync(db, payout.Id, [PayoutAlerts.Reversed], "the deposit was deleted from the books", now, cancellationToken);
        }
        if (stored is null || stored.Total != payout.NetAmount)
        {
            return 0;
        }
        payout.ReadBackTotal = stored.Total;
        payout.Difference = 0m;
        payout.HeldReason = null;
        payout.UpdatedAt = now;
        return await AlertClosing.CloseAsync(db, payout.Id, [PayoutAlerts.TotalMismatch], "the deposit in the books now matches the payout", now, cancellationToken);
    }
}
