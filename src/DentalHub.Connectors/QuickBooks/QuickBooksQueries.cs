using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// Reads through QuickBooks' query endpoint (<c>GET .../query?query=SELECT ...</c>), a page at a time with
/// STARTPOSITION (from 1) and MAXRESULTS (at most 1000), until a page comes back short.
/// </summary>
internal sealed class QuickBooksQueries(QuickBooksApi api, QuickBooksSettings settings)
{
    /// <summary>QuickBooks' largest page.</summary>
    public const int LargestPage = 1000;

    /// <summary>
    /// Every account, inactive ones included: QuickBooks returns only active list entities unless the query asks
    /// for both (<c>Active IN (true, false)</c>), and a mapped account that became inactive must be seen as such.
    /// </summary>
    public async Task<IReadOnlyList<LedgerAccount>> AccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<LedgerAccount>();
        await foreach (var page in PagesAsync("SELECT * FROM Account WHERE Active IN (true, false)", "the chart of accounts", cancellationToken))
        {
            accounts.AddRange((page.Account ?? []).Select(a => a.ToAccount()).OfType<LedgerAccount>());
            if ((page.Account?.Count ?? 0) < PageSize)
            {
                break;
            }
        }
        return accounts;
    }

    /// <summary>Deposits dated from <paramref name="from"/> to <paramref name="to"/>, page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<WireDeposit>> DepositsAsync(
        DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var where = $"TxnDate >= '{QuickBooksWire.Date(from)}' AND TxnDate <= '{QuickBooksWire.Date(to)}'";
        await foreach (var page in PagesAsync($"SELECT * FROM Deposit WHERE {where}", "the deposits", cancellationToken))
        {
            var deposits = page.Deposit ?? [];
            yield return deposits;
            if (deposits.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private int PageSize => Math.Clamp(settings.PageSize, 1, LargestPage);

    private async IAsyncEnumerable<WireQueryResponse> PagesAsync(
        string select, string what, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 1; ; start += PageSize)
        {
            var query = $"{select} STARTPOSITION {start.ToString(CultureInfo.InvariantCulture)} MAXRESULTS {PageSize.ToString(CultureInfo.InvariantCulture)}";
            var answer = await api.GetAsync(settings.Api("query", ("query", query), ("minorversion", QuickBooksApi.MinorVersion)), cancellationToken);
            if (QuickBooksProblem.Of(answer, what, write: false) is { } problem)
            {
                throw problem.ToException();
            }
            var body = ((QuickBooksAnswer.Answered)answer).Body;
            yield return QuickBooksWire.Read<WireEnvelope>(body)?.QueryResponse
                ?? throw QuickBooksApiException.Unreadable(what);
        }
    }
}
