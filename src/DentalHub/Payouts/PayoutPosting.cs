using System.Globalization;
using System.Text.Json;
using DentalHub.Bookkeeping;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>
/// What the deposit writeback does to the payout it writes: the account check before a send, and the
/// payout's state after each outcome (Posted with the read-back total, Failed with every error, Held).
/// </summary>
public sealed class PayoutPosting(DentalHubDbFactory databases, TimeProvider time, ILogger<PayoutPosting> logger)
{
    public async Task<WriteOutcome?> RefusalBeforeSendAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(command, cancellationToken);
        var payout = await db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.SubjectId, cancellationToken);
        return payout switch
        {
            null => new WriteOutcome.Refused("The payout this deposit was for no longer exists."),
            { ProcessorFailed: true } => new WriteOutcome.Refused("The payout failed at the bank, so its deposit is not written."),
            _ => null,
        };
    }

    /// <summary>A later plan version may follow an earlier one that reached the books: look before sending.</summary>
    public Task<bool> IsReplanAsync(WritebackCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(!command.Reference.EndsWith("-1", StringComparison.Ordinal));

    /// <summary>
    /// Every account the deposit uses must still exist and be active. When one is not, posting stops for the
    /// whole connection (one alert on it) and this payout is held with the reason.
    /// </summary>
    public async Task<WriteOutcome?> CheckAccountsAsync(IConnector connector, WritebackCommand command, DepositWrite deposit, CancellationToken cancellationToken)
    {
        if (connector is not IReadsLedgerAccounts ledger)
        {
            return null;
        }
        IReadOnlyList<LedgerAccount> accounts;
        try
        {
            accounts = await ledger.ReadAccountsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The write that follows meets the same problem and says what it is (revoked, throttled, down);
            // QuickBooks itself refuses an inactive account (error 610), so nothing stale gets through.
            logger.LogWarning("Reading the chart of accounts for command {CommandId} failed with {ExceptionType}", command.Id, e.GetType().Name);
            return null;
        }
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var used = deposit.Lines.Select(l => l.AccountId).Prepend(deposit.DepositAccountId).Distinct().ToList();
        var stale = used.Where(id => !byId.TryGetValue(id, out var account) || !account.Active).ToList();
        if (stale.Count == 0)
        {
            return null;
        }
        var roles = await RolesAsync(command, cancellationToken);
        var problems = stale.Select(id => byId.TryGetValue(id, out var account)
            ? $"the account mapped for {RoleNames(roles, id)} ({account.FullName}) is inactive in QuickBooks"
            : $"the account mapped for {RoleNames(roles, id)} (id {id}) no longer exists in QuickBooks");
        var reason = $"The account mapping is out of date: {string.Join("; ", problems)}. Choose another account on Map accounts (or make it active again in QuickBooks, then retry). Posting to this QuickBooks company waits until then.";
        return await HoldAsync(command, new WriteOutcome.Unavailable(reason), cancellationToken);
    }

    public async Task RecordOutcomeAsync(IWritesDeposits books, WritebackCommand command, WriteOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case WriteOutcome.Written written:
                await PostedAsync(books, command, written.TargetId, cancellationToken);
                break;
            case WriteOutcome.Refused refused:
                await UpdateAsync(command, (payout, _) =>
                {
                    payout.Status = PayoutState.Failed;
                    payout.HeldReason = refused.Reason;
                    payout.ErrorDetailsJson = JsonSerializer.Serialize(refused.Details is { Count: > 0 } details ? details : [refused.Reason]);
                }, cancellationToken);
                break;
            case WriteOutcome.Unavailable unavailable:
                await HoldAsync(command, unavailable, cancellationToken);
                break;
            case WriteOutcome.TryLater later:
                await UpdateAsync(command, (payout, _) => payout.HeldReason = $"QuickBooks asked to wait; trying again ({later.Reason}).", cancellationToken);
                break;
        }
    }

    /// <summary>The deposit is in the books: read it back and compare its total with the payout's net.</summary>
    public async Task PostedAsync(IWritesDeposits books, WritebackCommand command, string depositId, CancellationToken cancellationToken)
    {
        WrittenDeposit? stored = null;
        string? readProblem = null;
        try
        {
            stored = await books.ReadDepositAsync(depositId, cancellationToken);
            readProblem = stored is null ? "QuickBooks does not find the deposit it just created; check it there." : null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            readProblem = $"The deposit could not be read back to compare its total ({e.GetType().Name}); check it in QuickBooks.";
        }
        await UpdateAsync(command, (payout, db) =>
        {
            var now = time.GetUtcNow();
            payout.DepositId = depositId;
            payout.ReadBackTotal = stored?.Total;
            payout.ErrorDetailsJson = "[]";
            if (payout.ProcessorFailed)
            {
                payout.HeldReason = PayoutReversal.ToDeleteText(payout, "reported failed while its deposit was being written");
                PayoutAlerts.Raise(db, payout, PayoutAlerts.Reversed, payout.HeldReason, now);
                return;
            }
            payout.Status = PayoutState.Posted;
            payout.Difference = stored is null ? null : payout.NetAmount - stored.Total;
            payout.HeldReason = readProblem;
            if (stored is not null && stored.Total != payout.NetAmount)
            {
                payout.HeldReason = string.Create(CultureInfo.InvariantCulture,
                    $"QuickBooks stored deposit {depositId} with a total of {stored.Total:0.00} {payout.Currency}, but the bank receives {payout.NetAmount:0.00}. Correct the deposit in QuickBooks so it matches the bank line.");
                PayoutAlerts.Raise(db, payout, PayoutAlerts.TotalMismatch, payout.HeldReason, now);
            }
        }, cancellationToken);
    }

    private async Task<WriteOutcome> HoldAsync(WritebackCommand command, WriteOutcome.Unavailable unavailable, CancellationToken cancellationToken)
    {
        await UpdateAsync(command, (payout, _) =>
        {
            payout.Status = PayoutState.Held;
            payout.HeldReason = unavailable.Reason;
        }, cancellationToken);
        return unavailable;
    }

    private async Task<IReadOnlyDictionary<string, string>> RolesAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(command, cancellationToken);
        var mapping = await db.AccountMappings.AsNoTracking().FirstOrDefaultAsync(m => m.ConnectionId == command.ConnectionId, cancellationToken);
        return mapping?.Accounts ?? new Dictionary<string, string>();
    }

    private static string RoleNames(IReadOnlyDictionary<string, string> roles, string accountId)
    {
        var names = roles.Where(r => r.Value == accountId).Select(r => AccountRoles.Label(r.Key)).ToList();
        return names.Count == 0 ? "this deposit" : string.Join(" and ", names);
    }

    private async Task UpdateAsync(WritebackCommand command, Action<Payout, DentalHubDb> change, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(command, cancellationToken);
        var payout = await db.Payouts.FirstOrDefaultAsync(p => p.Id == command.SubjectId, cancellationToken);
        if (payout is null)
        {
            return;
        }
        change(payout, db);
        payout.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DentalHubDb> OpenAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        await using var lookup = databases.CreateWithoutTenant();
        var organizationId = await lookup.Practices.IgnoreQueryFilters().Where(p => p.Id == command.PracticeId).Select(p => p.OrganizationId).FirstAsync(cancellationToken);
        return databases.Create(TenantScope.ForPractice(organizationId, command.PracticeId));
    }
}
