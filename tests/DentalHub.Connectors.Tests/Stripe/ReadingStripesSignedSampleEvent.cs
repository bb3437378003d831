using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>
/// Stripe.net's own known-answer sample: a customer.created event that Stripe's maintainers signed
/// with the secret "webhook_secret" at t=1533204620.
/// </summary>
public sealed class ReadingStripesSignedSampleEvent
{
    private const string FileName = "stripe-dotnet-event_test_signature.json";
    private const string SampleSecret = "webhook_secret";
    private const string SampleHeader =
        "t=1533204620,v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7," +
        "v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1533204620);

    private static PaymentEventReadResult Read(string body, string header, string secret, DateTimeOffset now) =>
        new StripeWebhookReader(secret, new FixedTime(now)).Read(body, header);

    [SkippableFact]
    public void Read_SampleSignedSecondsAgo_AcceptedAsIgnoredCustomerCreated()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), SampleHeader, SampleSecret, SignedAt.AddSeconds(4));

        var received = Assert.IsType<PaymentEventAccepted>(result).Event;
        Assert.Equal("evt_123", received.EventId);
        Assert.Equal("customer.created", received.Type);
        Assert.Equal("acct_123", received.Account);
        Assert.False(received.LiveMode);
        Assert.Equal(SignedAt, received.CreatedAt);
        Assert.Contains("customer.created", Assert.IsType<IgnoredEvent>(received.Payload).Reason);
    }

    [SkippableFact]
    public void Read_Sample301SecondsLater_RejectedAsStale()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), SampleHeader, SampleSecret, SignedAt.AddSeconds(301));

        Assert.Equal(PaymentEventRejection.StaleTimestamp, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_Sample301SecondsBeforeItWasSigned_RejectedAsStale()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), SampleHeader, SampleSecret, SignedAt.AddSeconds(-301));

        Assert.Equal(PaymentEventRejection.StaleTimestamp, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_SampleWithOneByteChanged_RejectedAsBadSignature()
    {
        StripeFixtures.SkipIfAbsent();
        var body = StripeFixtures.ReadText(FileName).Replace("acct_123", "acct_124", StringComparison.Ordinal);

        var result = Read(body, SampleHeader, SampleSecret, SignedAt.AddSeconds(4));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_SampleWithCrLfLineEndings_RejectedAsBadSignature()
    {
        StripeFixtures.SkipIfAbsent();
        var body = StripeFixtures.ReadText(FileName).Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Read(body, SampleHeader, SampleSecret, SignedAt.AddSeconds(4));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_SampleWithWrongSecret_RejectedAsBadSignature()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), SampleHeader, "whsec_another_endpoint", SignedAt.AddSeconds(4));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_SampleWithWrongSecretAndStaleTime_RejectedAsBadSignatureNotStale()
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), SampleHeader, "whsec_another_endpoint", SignedAt.AddDays(3));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableTheory]
    [InlineData("garbage")]
    [InlineData("t=1533204620")]
    [InlineData("t=1533204620,v1=00")]
    [InlineData("v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7")]
    [InlineData("t=1533204620,v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef")]
    [InlineData("")]
    public void Read_SampleWithGarbageHeader_RejectedAsBadSignature(string header)
    {
        StripeFixtures.SkipIfAbsent();

        var result = Read(StripeFixtures.ReadText(FileName), header, SampleSecret, SignedAt.AddSeconds(4));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_SampleWithSecondV1AddedDuringSecretRoll_Accepted()
    {
        StripeFixtures.SkipIfAbsent();
        var header = "t=1533204620,v1=" + new string('0', 64) + "," + SampleHeader[13..];

        var result = Read(StripeFixtures.ReadText(FileName), header, SampleSecret, SignedAt.AddSeconds(4));

        Assert.IsType<PaymentEventAccepted>(result);
    }

    [SkippableFact]
    public void Read_RejectedSample_MessageDoesNotQuoteTheBody()
    {
        StripeFixtures.SkipIfAbsent();
        var body = StripeFixtures.ReadText(FileName).Replace("acct_123", "acct_124", StringComparison.Ordinal);

        var rejected = Assert.IsType<PaymentEventRejected>(Read(body, SampleHeader, SampleSecret, SignedAt.AddSeconds(4)));

        Assert.DoesNotContain("test@stripe.com", rejected.Message, StringComparison.Ordinal);
        Assert.Null(rejected.EventId);
    }
}
