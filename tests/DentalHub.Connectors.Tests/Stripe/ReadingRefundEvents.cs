using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ReadingRefundEvents
{
    [SkippableTheory]
    [InlineData("refund.created")]
    [InlineData("refund.updated")]
    public void Read_RefundEvent_RefundKeyedByRefundId(string type)
    {
        StripeFixtures.SkipIfAbsent();

        var refund = Accepted<ProcessorRefund>(SignAndRead(Envelope(type, StripeFixtures.Resource("refund"))));

        Assert.Equal("re_1Pgc72B7WZ01zgkWqPvrRrPE", refund.RefundId);
        Assert.Equal("ch_1PgafuB7WZ01zgkWXYmPNZs8", refund.ChargeId);
        Assert.Equal(1.00m, refund.Amount);
        Assert.Equal("usd", refund.Currency);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1234567890), refund.CreatedAt);
        Assert.Null(refund.BalanceTransactionId);
    }

    [SkippableFact]
    public void Read_RefundFailed_StatusFailed()
    {
        StripeFixtures.SkipIfAbsent();
        var resource = StripeFixtures.Resource("refund");
        resource["status"] = "failed";
        resource["failure_reason"] = "expired_or_canceled_card";

        var refund = Accepted<ProcessorRefund>(SignAndRead(Envelope("refund.failed", resource)));

        Assert.Equal(RefundStatus.Failed, refund.Status);
    }
}
