using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Stripe;

/// <summary>
/// A practice's Stripe account: receives its webhooks (payments, fees, refunds, disputes, payouts) and
/// reads balance transactions with the API key. Only the settlement reads call Stripe.
/// </summary>
public sealed class StripeConnector(StripeConnectionSettings settings, TimeProvider time, IHttpClientFactory? httpClients = null)
    : IConnector, IReceivesPaymentEvents, IReadsPaymentSettlements
{
    public const string Key = "stripe";

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Stripe",
        "Card payments taken with Stripe, at the practice's terminals and online: payments with their fees, refunds, disputes and payouts to the bank.",
        ConnectorKind.Payments,
        [
            new ConnectorField(StripeConnectionSettings.WebhookSecretField, "Webhook signing secret",
                $"The signing secret (whsec_...) of the Stripe webhook endpoint that sends to DentalHub. Create the endpoint with API version {StripeWebhookReader.ExpectedApiVersion}.",
                IsSecret: true),
            new ConnectorField(StripeConnectionSettings.ApiKeyField, "Restricted API key",
                "A restricted key (rk_live_... or rk_test_...) with read access to charges, balance and payouts; DentalHub uses it to fetch fees and payout details.",
                IsSecret: true),
            new ConnectorField(StripeConnectionSettings.AccountIdField, "Connected account id",
                "Only for Stripe Connect: the practice's account (acct_...). Events from other accounts are then ignored.",
                IsRequired: false),
        ],
        context => new StripeConnector(StripeConnectionSettings.From(context.Settings), context.Time, context.HttpClients));

    public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        var problems = settings.Problems();
        return Task.FromResult(problems.Count == 0
            ? ConnectionCheckResult.Ok(settings.Summary())
            : ConnectionCheckResult.Failed(string.Join(" ", problems)));
    }

    public PaymentEventReadResult Read(string body, string? signatureHeader)
    {
        var result = new StripeWebhookReader(settings.WebhookSecret ?? "", time).Read(body, signatureHeader);
        return result is PaymentEventAccepted { Event: var received } && NotForThisConnection(received) is { } reason
            ? new PaymentEventAccepted(received with { Payload = new IgnoredEvent(reason) })
            : result;
    }

    public Task<ProcessorSettlement?> ReadSettlementAsync(string balanceTransactionId, CancellationToken cancellationToken) =>
        BalanceTransactions().GetAsync(balanceTransactionId, cancellationToken);

    public IAsyncEnumerable<ProcessorSettlement> ReadPayoutSettlementsAsync(string payoutId, CancellationToken cancellationToken) =>
        BalanceTransactions().ListForPayoutAsync(payoutId, cancellationToken);

    private StripeBalanceTransactions BalanceTransactions() => StripeBalanceTransactions.Create(
        settings.ApiKey ?? throw new ConnectorConfigurationException("The Stripe API key is not set. Edit the connection and paste a restricted key (rk_...)."),
        settings.AccountId,
        (httpClients ?? throw new InvalidOperationException("This Stripe connector was created without HTTP clients.")).CreateClient(Key),
        settings.ApiBase);

    /// <summary>
    /// A Connect endpoint receives every connected account's events, and a live one also their
    /// test-mode events; neither may reach this practice's books.
    /// </summary>
    private string? NotForThisConnection(PaymentEvent received)
    {
        if (settings.IsTestMode is { } testMode && received.LiveMode == testMode)
        {
            return received.LiveMode
                ? "A live-mode event reached a test-mode connection; it is not recorded."
                : "A test-mode event reached a live-mode connection; it is not recorded.";
        }
        if (settings.AccountId is { } account && !string.Equals(received.Account, account, StringComparison.Ordinal))
        {
            return "The event belongs to another Stripe account than this connection's.";
        }
        return null;
    }
}
