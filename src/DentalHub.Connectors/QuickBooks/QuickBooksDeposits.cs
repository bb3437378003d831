using System.Text.Json;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// Creates deposits (<c>POST /deposit?minorversion=75&amp;requestid=...</c>: QuickBooks answers a repeated request id
/// with the first answer instead of creating again), finds them again by the reference in PrivateNote (not
/// filterable: deposits are queried by TxnDate and matched here), and reads them back.
/// </summary>
internal sealed class QuickBooksDeposits(QuickBooksApi api, QuickBooksQueries queries, QuickBooksSettings settings)
{
    /// <summary>How far from the date we wrote a deposit is looked for, in case the bookkeeper moved it.</summary>
    public const int FindWindowDays = 7;

    private const string TheDeposit = "the deposit";

    public async Task<WriteOutcome> WriteAsync(DepositWrite deposit, CancellationToken cancellationToken)
    {
        if (DepositNote.Problem(deposit) is { } problem)
        {
            return new WriteOutcome.Refused(problem);
        }
        var (currency, currencyProblem) = await CurrencyRefAsync(deposit.Currency, cancellationToken);
        if (currencyProblem is not null)
        {
            return currencyProblem;
        }
        var body = JsonSerializer.Serialize(WireDeposit.For(deposit, DepositNote.For(deposit), currency), QuickBooksWire.Json);
        var uri = settings.Api("deposit", ("minorversion", QuickBooksApi.MinorVersion), ("requestid", deposit.RequestId));
        var answer = await api.PostAsync(uri, body, cancellationToken);
        if (QuickBooksProblem.Of(answer, TheDeposit, write: true) is { } failure)
        {
            return failure is { Kind: QuickBooksProblem.Kinds.Refused, Fault: { } fault } && fault.Has(QuickBooksFault.InactiveOrNotFound)
                ? await InactiveAccountAsync(deposit, failure, cancellationToken)
                : failure.ToWriteOutcome();
        }
        return QuickBooksWire.Read<WireEnvelope>(((QuickBooksAnswer.Answered)answer).Body)?.Deposit?.Id is { Length: > 0 } id
            ? new WriteOutcome.Written(id)
            : new WriteOutcome.Unknown(QuickBooksMessages.NoDepositId);
    }

    /// <summary>
    /// Pages through the deposits dated near the one we wrote for one whose PrivateNote carries our reference. Any
    /// failure is CouldNotCheck: "not found" must be certain, because it lets the deposit be sent again.
    /// </summary>
    public async Task<FindOutcome> FindAsync(DepositWrite deposit, CancellationToken cancellationToken)
    {
        if (DepositNote.Problem(deposit) is not null)
        {
            return new FindOutcome.NotFound();
        }
        try
        {
            var from = deposit.TxnDate.AddDays(-FindWindowDays);
            var to = deposit.TxnDate.AddDays(FindWindowDays);
            await foreach (var page in queries.DepositsAsync(from, to, cancellationToken))
            {
                if (page.FirstOrDefault(d => d.Id is not null && DepositNote.Carries(d.PrivateNote, deposit.Reference)) is { } found)
                {
                    return new FindOutcome.Found(found.Id!);
                }
            }
            return new FindOutcome.NotFound();
        }
        catch (ConnectorException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
    }

    /// <summary>The deposit as QuickBooks holds it; null when QuickBooks has no such deposit (deleted).</summary>
    public async Task<WrittenDeposit?> ReadAsync(string depositId, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync(
            settings.Api($"deposit/{Uri.EscapeDataString(depositId)}", ("minorversion", QuickBooksApi.MinorVersion)), cancellationToken);
        if (QuickBooksProblem.Of(answer, TheDeposit, write: false) is { } problem)
        {
            // QuickBooks answers a read of a deleted or unknown entity with fault 610, "Object Not Found".
            return problem is { Kind: QuickBooksProblem.Kinds.Refused, Fault: { } fault } && fault.Has(QuickBooksFault.InactiveOrNotFound)
                || answer is QuickBooksAnswer.Answered { Status: 404 }
                ? null
                : throw problem.ToException();
        }
        return QuickBooksWire.Read<WireEnvelope>(((QuickBooksAnswer.Answered)answer).Body)?.Deposit?.ToWritten()
            ?? throw QuickBooksApiException.Unreadable(TheDeposit);
    }

    /// <summary>
    /// Fault 610 says only that "something" is inactive; the chart of accounts says which of the mapped accounts.
    /// </summary>
    private async Task<WriteOutcome> InactiveAccountAsync(DepositWrite deposit, QuickBooksProblem failure, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerAccount> accounts;
        try
        {
            accounts = await queries.AccountsAsync(cancellationToken);
        }
        catch (ConnectorException)
        {
            return new WriteOutcome.Refused(DepositMessages.InactiveUnnamed, failure.Details);
        }
        var uses = new List<(string AccountId, string Use)> { (deposit.DepositAccountId, "the bank account deposits go to") };
        uses.AddRange(deposit.Lines.Select(l => (l.AccountId, $"the line \"{l.Description}\"")));
        var stale = uses
            .GroupBy(u => u.AccountId, StringComparer.Ordinal)
            .Select(g => (Account: accounts.FirstOrDefault(a => a.Id == g.Key), Id: g.Key, Uses: g.Select(u => u.Use).Distinct().ToList()))
            .Where(s => s.Account is not { Active: true })
            .Select(s => DepositMessages.Stale(s.Account, s.Id, s.Uses))
            .ToList();
        return stale.Count == 0
            ? new WriteOutcome.Refused(DepositMessages.InactiveUnnamed, failure.Details)
            : new WriteOutcome.Refused($"{DepositMessages.InactiveNamed} {string.Join(" ", stale)}", failure.Details);
    }

    /// <summary>
    /// CurrencyRef is needed only where the company has multicurrency on; without it, QuickBooks records the
    /// company's home currency, so a payout in another currency is refused here rather than recorded wrongly.
    /// </summary>
    private async Task<(string? Currency, WriteOutcome? Problem)> CurrencyRefAsync(string currency, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync(settings.Api("preferences", ("minorversion", QuickBooksApi.MinorVersion)), cancellationToken);
        if (QuickBooksProblem.Of(answer, "the company's currency settings", write: false) is { } problem)
        {
            // A read that failed sent nothing (so its message must not say the deposit may be recorded): at worst "try later".
            return (null, problem.Kind == QuickBooksProblem.Kinds.Unknown ? new WriteOutcome.TryLater(problem.Reason, null) : problem.ToWriteOutcome());
        }
        var prefs = QuickBooksWire.Read<WireEnvelope>(((QuickBooksAnswer.Answered)answer).Body)?.Preferences?.CurrencyPrefs;
        var wanted = currency.Trim().ToUpperInvariant();
        if (prefs?.MultiCurrencyEnabled == true)
        {
            return (wanted, null);
        }
        var home = prefs?.HomeCurrency?.Value?.Trim().ToUpperInvariant();
        return home is not null && home != wanted
            ? (null, new WriteOutcome.Refused(DepositMessages.OtherCurrency(home, wanted)))
            : (null, null);
    }
}
