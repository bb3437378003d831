using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ReadingUnusualRequests
{
    [SkippableTheory]
    [InlineData("customer.created")]
    [InlineData("invoice.paid")]
    [InlineData("payout.created")]
    [InlineData("something.stripe.adds.next.year")]
    public void Read_EventTypeDentalHubDoesNotUse_AcceptedAsIgnored(string type)
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope(type, StripeFixtures.Resource("plan")));

        var received = Assert.IsType<PaymentEventAccepted>(result).Event;
        Assert.Equal(type, received.Type);
        Assert.Contains(type, Assert.IsType<IgnoredEvent>(received.Payload).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SignedBodyThatIsNotJson_RejectedAsMalformed()
    {
        var result = SignAndRead("{\"id\": \"evt_1\", \"type\": ");

        var rejected = Assert.IsType<PaymentEventRejected>(result);
        Assert.Equal(PaymentEventRejection.MalformedPayload, rejected.Reason);
        Assert.Null(rejected.EventId);
    }

    [Fact]
    public void Read_SignedJsonWithoutEventId_RejectedAsMalformed()
    {
        var result = SignAndRead("{\"object\": \"event\", \"type\": \"charge.succeeded\", \"created\": 1}");

        Assert.Equal(PaymentEventRejection.MalformedPayload, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_ChargeEventCarryingAPayout_RejectedAsMalformedWithEventId()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("charge.succeeded", StripeFixtures.Resource("payout")));

        var rejected = Assert.IsType<PaymentEventRejected>(result);
        Assert.Equal(PaymentEventRejection.MalformedPayload, rejected.Reason);
        Assert.Equal("evt_1TestDentalHub0001", rejected.EventId);
        Assert.Equal("charge.succeeded", rejected.EventType);
    }

    [SkippableFact]
    public void Read_ChargeWithoutCurrency_RejectedAsMalformed()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge.Remove("currency");

        var result = SignAndRead(Envelope("charge.succeeded", charge));

        Assert.Equal(PaymentEventRejection.MalformedPayload, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_ChargeWithUnreadableAmount_RejectedWithoutQuotingTheBody()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["amount_captured"] = "Jenny Rosen owes";

        var rejected = Assert.IsType<PaymentEventRejected>(SignAndRead(Envelope("charge.succeeded", charge)));

        Assert.Equal(PaymentEventRejection.MalformedPayload, rejected.Reason);
        Assert.DoesNotContain("Jenny", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThinEventNotification_RejectedWithAdvice()
    {
        var thin = new JsonObject
        {
            ["id"] = "evt_test_65R9Ijk8Z3gD5W8E",
            ["object"] = "v2.core.event",
            ["type"] = "v1.billing.meter.error_report_triggered",
            ["created"] = "2026-11-02T15:30:00.000Z",
        }.ToJsonString();

        var rejected = Assert.IsType<PaymentEventRejected>(SignAndRead(thin));

        Assert.Equal(PaymentEventRejection.MalformedPayload, rejected.Reason);
        Assert.Contains("snapshot", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutSignatureHeader_RejectedAsBadSignature()
    {
        var reader = new StripeWebhookReader(Secret, new FixedTime(SignedAt));

        var result = reader.Read("{}", null);

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [Fact]
    public void Read_WithoutSecret_RejectedAsNotConfigured()
    {
        var reader = new StripeWebhookReader("", new FixedTime(SignedAt));

        var result = reader.Read("{}", SignatureHeader("{}", Secret, SignedAt));

        Assert.Equal(PaymentEventRejection.NotConfigured, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_LiveAndConnectEnvelope_CarriedOnTheEvent()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("charge.succeeded", Charge(), liveMode: true, account: "acct_1Practice"));

        var received = Assert.IsType<PaymentEventAccepted>(result).Event;
        Assert.True(received.LiveMode);
        Assert.Equal("acct_1Practice", received.Account);
    }
}
