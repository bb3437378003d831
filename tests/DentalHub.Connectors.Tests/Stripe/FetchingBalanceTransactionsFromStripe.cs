using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>The fee lookup and payout breakdown, through Stripe.net, against a local stand-in for Stripe.</summary>
public sealed class FetchingBalanceTransactionsFromStripe
{
    private const string Account = "acct_1Practice";

    /// <summary>A payout of 24.00: two charges with fees, a refund, and the payout's own row.</summary>
    private static List<JsonObject> PayoutRows()
    {
        JsonObject Row(string id, string type, string category, long amount, long fee, string source)
        {
            var row = StripeFixtures.Resource("balance_transaction");
            row["id"] = id;
            row["type"] = type;
            row["reporting_category"] = category;
            row["amount"] = amount;
            row["fee"] = fee;
            row["net"] = amount - fee;
            row["source"] = source;
            return row;
        }
        return
        [
            Row("txn_1Charge1", "charge", "charge", 1999, 88, "ch_1Charge1"),
            Row("txn_1Charge2", "charge", "charge", 1000, 59, "ch_1Charge2"),
            Row("txn_1Refund1", "refund", "refund", -452, 0, "re_1Refund1"),
            Row("txn_1Payout1", "payout", "payout", -2400, 0, StripeApiDouble.PayoutId),
        ];
    }

    private static IReadsPaymentSettlements Connector(StripeApiDouble stripe, string apiKey = StripeApiDouble.ApiKey) =>
        new StripeConnector(
            new StripeConnectionSettings("whsec_unused", apiKey, Account) { ApiBase = stripe.BaseUrl },
            TimeProvider.System,
            new PlainHttpClients());

    [SkippableFact]
    public async Task ReadSettlement_KnownBalanceTransaction_FeeAndNetAsDecimal()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var settlement = await Connector(stripe).ReadSettlementAsync("txn_1Charge1", CancellationToken.None);

        Assert.NotNull(settlement);
        Assert.Equal(19.99m, settlement.Amount);
        Assert.Equal(0.88m, settlement.Fee);
        Assert.Equal(19.11m, settlement.Net);
        Assert.Equal("ch_1Charge1", settlement.SourceId);
        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/balance_transactions/txn_1Charge1", request.PathAndQuery);
        Assert.Equal(Account, request.StripeAccount);
    }

    [SkippableFact]
    public async Task ReadSettlement_UnknownBalanceTransaction_Null()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var settlement = await Connector(stripe).ReadSettlementAsync("txn_1Missing", CancellationToken.None);

        Assert.Null(settlement);
    }

    [SkippableFact]
    public async Task ReadSettlement_KeyRefused_ConfigurationErrorNotQuotingTheKey()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var error = await Assert.ThrowsAsync<ConnectorConfigurationException>(() =>
            Connector(stripe, "rk_test_51RevokedKey").ReadSettlementAsync("txn_1Charge1", CancellationToken.None));

        Assert.Contains("refused the API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RevokedKey", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadSettlement_KeyWithoutBalanceAccess_ConfigurationError()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var error = await Assert.ThrowsAsync<ConnectorConfigurationException>(() =>
            Connector(stripe).ReadSettlementAsync("txn_forbidden", CancellationToken.None));

        Assert.Contains("Read access to Balance", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadSettlement_OtherRefusal_HttpErrorWithStatus()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Connector(stripe).ReadSettlementAsync("txn_bad_request", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [SkippableFact]
    public async Task ReadPayoutSettlements_TwoPages_EveryRowAndNetsSumToZero()
    {
        StripeFixtures.SkipIfAbsent();
        await using var stripe = await StripeApiDouble.StartAsync(PayoutRows());

        var rows = new List<ProcessorSettlement>();
        await foreach (var row in Connector(stripe).ReadPayoutSettlementsAsync(StripeApiDouble.PayoutId, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(["txn_1Charge1", "txn_1Charge2", "txn_1Refund1", "txn_1Payout1"], rows.Select(r => r.BalanceTransactionId));
        Assert.Equal(0m, rows.Sum(r => r.Net));
        Assert.Equal(-24.00m, rows.Single(r => r.ReportingCategory == "payout").Net);
        Assert.Collection(stripe.Requests,
            first => Assert.Contains($"payout={StripeApiDouble.PayoutId}", first.PathAndQuery, StringComparison.Ordinal),
            second => Assert.Contains("starting_after=txn_1Charge2", second.PathAndQuery, StringComparison.Ordinal));
        Assert.All(stripe.Requests, r => Assert.Equal(Account, r.StripeAccount));
    }

    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
