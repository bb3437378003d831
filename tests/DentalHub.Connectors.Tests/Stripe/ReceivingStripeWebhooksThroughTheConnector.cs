using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>How the host meets the connector: through the catalog and a capability type test.</summary>
public sealed class ReceivingStripeWebhooksThroughTheConnector
{
    private static IConnector Create(string? secret = Secret, string? key = "rk_test_51AbcDEF", string? account = null)
    {
        var descriptor = ConnectorCatalog.Find("stripe")!;
        var secrets = new Dictionary<string, string>();
        if (secret is not null)
        {
            secrets[StripeConnectionSettings.WebhookSecretField] = secret;
        }
        if (key is not null)
        {
            secrets[StripeConnectionSettings.ApiKeyField] = key;
        }
        var values = new Dictionary<string, string>();
        if (account is not null)
        {
            values[StripeConnectionSettings.AccountIdField] = account;
        }
        return descriptor.Create(new ConnectorContext(
            new ConnectorSettings(values, secrets), new FixedTime(SignedAt.AddSeconds(5)), new NoHttpClients()));
    }

    private static PaymentEventReadResult Receive(IConnector connector, string body) =>
        Assert.IsAssignableFrom<IReceivesPaymentEvents>(connector).Read(body, SignatureHeader(body, Secret, SignedAt));

    [Fact]
    public void Catalog_Stripe_IsAPaymentsConnectorWithSecretFields()
    {
        var descriptor = ConnectorCatalog.Find("stripe");

        Assert.NotNull(descriptor);
        Assert.Equal(ConnectorKind.Payments, descriptor.Kind);
        Assert.Equal(
            [StripeConnectionSettings.WebhookSecretField, StripeConnectionSettings.ApiKeyField],
            descriptor.SecretFields.Select(f => f.Name));
        Assert.False(descriptor.Fields.Single(f => f.Name == StripeConnectionSettings.AccountIdField).IsRequired);
    }

    [SkippableFact]
    public void Read_ThroughCatalogConnector_AcceptsSignedPayment()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Receive(Create(), Envelope("charge.succeeded", Charge()));

        Accepted<ProcessorPayment>(result);
    }

    [SkippableFact]
    public void Read_TestModeEventOnLiveConnection_Ignored()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Receive(Create(key: "rk_live_51AbcDEF"), Envelope("charge.succeeded", Charge(), liveMode: false));

        Assert.Contains("test-mode event", Accepted<IgnoredEvent>(result).Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_LiveEventOnTestConnection_Ignored()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Receive(Create(key: "rk_test_51AbcDEF"), Envelope("charge.succeeded", Charge(), liveMode: true));

        Assert.Contains("live-mode event", Accepted<IgnoredEvent>(result).Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_EventOfAnotherConnectedAccount_Ignored()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Receive(Create(account: "acct_1Practice"), Envelope("charge.succeeded", Charge(), account: "acct_1SomeoneElse"));

        Assert.Contains("another Stripe account", Accepted<IgnoredEvent>(result).Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_EventOfTheConnectedAccount_Accepted()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Receive(Create(account: "acct_1Practice"), Envelope("charge.succeeded", Charge(), account: "acct_1Practice"));

        Accepted<ProcessorPayment>(result);
    }

    [Fact]
    public void Read_ConnectionWithoutSecret_RejectedAsNotConfigured()
    {
        var result = Receive(Create(secret: null), "{}");

        Assert.Equal(PaymentEventRejection.NotConfigured, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            throw new InvalidOperationException("Reading webhooks must not call Stripe.");
    }
}
