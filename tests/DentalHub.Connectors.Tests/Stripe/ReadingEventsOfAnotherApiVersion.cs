using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>
/// Policy: an event DentalHub maps is read only in the API version Stripe.net 53.1.0 models (same
/// release train); other event types are accepted as ignored whatever their version.
/// </summary>
public sealed class ReadingEventsOfAnotherApiVersion
{
    [Fact]
    public void ExpectedApiVersion_StripeNet53_IsEndive()
    {
        Assert.Equal("2026-10-28.endive", StripeWebhookReader.ExpectedApiVersion);
    }

    [SkippableTheory]
    [InlineData("2025-03-31.basil")]
    [InlineData("2026-04-22.dahlia")]
    [InlineData("2024-06-20")]
    public void Read_PaymentEventOfAnotherTrain_RejectedWithHowToFix(string apiVersion)
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("charge.succeeded", Charge(), apiVersion));

        var rejected = Assert.IsType<PaymentEventRejected>(result);
        Assert.Equal(PaymentEventRejection.ApiVersionMismatch, rejected.Reason);
        Assert.Equal("evt_1TestDentalHub0001", rejected.EventId);
        Assert.Contains($"sends events in API version {apiVersion}", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("DentalHub reads 2026-10-28.endive", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("recreate the endpoint", rejected.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_PaymentEventWithoutApiVersion_RejectedAsMismatch()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("payout.paid", StripeFixtures.Resource("payout"), apiVersion: null));

        Assert.Equal(PaymentEventRejection.ApiVersionMismatch, Assert.IsType<PaymentEventRejected>(result).Reason);
    }

    [SkippableFact]
    public void Read_PaymentEventOfEarlierEndiveRelease_Accepted()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("charge.succeeded", Charge(), "2026-09-30.endive"));

        Accepted<ProcessorPayment>(result);
    }

    [SkippableFact]
    public void Read_IgnoredEventTypeOfAnotherVersion_AcceptedAsIgnored()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(Envelope("plan.created", StripeFixtures.Resource("plan"), "2017-05-25"));

        Accepted<IgnoredEvent>(result);
    }

    [SkippableFact]
    public void Read_OpenApiSampleEventWithNullApiVersion_AcceptedAsIgnored()
    {
        StripeFixtures.SkipIfAbsent();

        var result = SignAndRead(StripeFixtures.Resource("event").ToJsonString());

        var received = Assert.IsType<PaymentEventAccepted>(result).Event;
        Assert.Equal("plan.created", received.Type);
        Assert.IsType<IgnoredEvent>(received.Payload);
    }

    [Fact]
    public void Read_PaymentEventOfAnotherVersionWithBadSignature_RejectedAsBadSignatureFirst()
    {
        var body = "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"type\":\"charge.succeeded\",\"created\":1}";
        var reader = new StripeWebhookReader(Secret, new FixedTime(SignedAt));

        var result = reader.Read(body, SignatureHeader(body, "whsec_someone_else", SignedAt));

        Assert.Equal(PaymentEventRejection.BadSignature, Assert.IsType<PaymentEventRejected>(result).Reason);
    }
}
