using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payouts;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Bookkeeping;

/// <summary>The books' accounts, the practice's mapping, and why a mapped account cannot be used.</summary>
public sealed record AccountMappingView(
    Guid? ConnectionId,
    string? ConnectionName,
    IReadOnlyList<LedgerAccount> Accounts,
    IReadOnlyDictionary<string, string> Mapping,
    IReadOnlyDictionary<string, string> Problems,
    string? Message);

/// <summary>Reads the chart of accounts for the mapping page and saves the mapping, then plans held payouts again.</summary>
public sealed class AccountMappingService(
    DentalHubDbFactory databases, ConnectorFactory connectors, PayoutPlanning planning, PayoutActions payouts, AuditLog audit, TimeProvider time, ILogger<AccountMappingService> logger)
{
    public async Task<AccountMappingView> LoadAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var books = await planning.AccountingConnectionAsync(db, cancellationToken);
        if (books is null)
        {
            return new(null, null, [], new Dictionary<string, string>(), new Dictionary<string, string>(),
                "Connect QuickBooks Online first (Connections › Add › QuickBooks Online), then map its accounts here.");
        }
        var mapping = (await db.AccountMappings.AsNoTracking().FirstOrDefaultAsync(m => m.ConnectionId == books.Id, cancellationToken))?.Accounts
            ?? new Dictionary<string, string>();
        IReadOnlyList<LedgerAccount> accounts;
        try
        {
            accounts = connectors.Create(books) is IReadsLedgerAccounts ledger
                ? await ledger.ReadAccountsAsync(cancellationToken)
                : [];
        }
        catch (ConnectorConfigurationException e)
        {
            return new(books.Id, books.Name, [], mapping, new Dictionary<string, string>(), e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Reading the chart of accounts of {ConnectionId} failed with {ExceptionType}", books.Id, e.GetType().Name);
            return new(books.Id, books.Name, [], mapping, new Dictionary<string, string>(),
                $"QuickBooks could not be reached to list the accounts ({e.GetType().Name}). Try again in a minute.");
        }
        return new(books.Id, books.Name, accounts.OrderBy(a => a.FullName, StringComparer.OrdinalIgnoreCase).ToList(), mapping, Problems(mapping, accounts), null);
    }

    /// <summary>Saves the mapping if every chosen account fits its role; returns the problems by role otherwise.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(
        TenantScope tenant, AuditActor actor, Guid connectionId, IReadOnlyDictionary<string, string> mapping, IReadOnlyList<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        var chosen = mapping.Where(m => AccountRoles.All.Contains(m.Key) && !string.IsNullOrEmpty(m.Value)).ToDictionary(m => m.Key, m => m.Value);
        var problems = Problems(chosen, accounts);
        if (problems.Count > 0)
        {
            return problems;
        }
        await using (var db = databases.Create(tenant))
        {
            var row = await db.AccountMappings.FirstOrDefaultAsync(m => m.ConnectionId == connectionId, cancellationToken);
            if (row is null)
            {
                row = new AccountMapping { ConnectionId = connectionId, PracticeId = tenant.PracticeId!.Value };
                db.AccountMappings.Add(row);
            }
            row.Accounts = chosen;
            row.UpdatedAt = time.GetUtcNow();
            audit.Add(db, actor, "bookkeeping.accounts-mapped", $"{chosen.Count} QuickBooks accounts mapped");
            await db.SaveChangesAsync(cancellationToken);
        }
        await payouts.ReplanUnpostedAsync(tenant, connectionId, cancellationToken);
        return new Dictionary<string, string>();
    }

    /// <summary>Each mapped account that is missing, inactive, or of a type QuickBooks does not allow in that place.</summary>
    public static IReadOnlyDictionary<string, string> Problems(IReadOnlyDictionary<string, string> mapping, IReadOnlyList<LedgerAccount> accounts)
    {
        var problems = new Dictionary<string, string>();
        foreach (var (role, accountId) in mapping)
        {
            var account = accounts.FirstOrDefault(a => a.Id == accountId);
            if (account is null)
            {
                problems[role] = "This account no longer exists in QuickBooks. Choose another.";
            }
            else if (!account.Active)
            {
                problems[role] = $"{account.FullName} is inactive in QuickBooks. Choose another, or make it active there.";
            }
            else if (!AccountRoles.Allows(role, account.Type))
            {
                problems[role] = role == AccountRoles.Deposit
                    ? $"{account.FullName} is a {account.Type} account; a deposit goes into a Bank or Other Current Asset account."
                    : $"{account.FullName} is a {account.Type} account, which QuickBooks does not allow on a deposit line.";
            }
        }
        return problems;
    }
}
