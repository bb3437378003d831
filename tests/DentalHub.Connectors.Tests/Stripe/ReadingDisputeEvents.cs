using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ReadingDisputeEvents
{
    private const string DjStripeDispute = "dj-stripe-dispute_dp_funds_reinstated_full.json";

    [SkippableFact]
    public void Read_DisputeFundsReinstated_BothBalanceTransactionsInDecimal()
    {
        StripeFixtures.SkipIfAbsent();
        var dispute = StripeFixtures.Json(DjStripeDispute);
        dispute["status"] = "won";

        var mapped = Accepted<ProcessorDispute>(SignAndRead(Envelope("charge.dispute.funds_reinstated", dispute)));

        Assert.Equal("dp_1JAyTwJSZQVUcJYgPqasUEn1", mapped.DisputeId);
        Assert.Equal("ch_fakefakefakefakefake0001", mapped.ChargeId);
        Assert.Equal(10.00m, mapped.Amount);
        Assert.Equal(DisputeStatus.Won, mapped.Status);
        Assert.Equal("fraudulent", mapped.Reason);
        Assert.Collection(mapped.BalanceTransactions,
            withdrawal =>
            {
                Assert.Equal("txn_16g5h62eZvKYlo2CQ2AHA89s", withdrawal.BalanceTransactionId);
                Assert.Equal(-10.00m, withdrawal.Amount);
                Assert.Equal(15.00m, withdrawal.Fee);
                Assert.Equal(-25.00m, withdrawal.Net);
                Assert.Equal("dispute", withdrawal.ReportingCategory);
            },
            reinstatement =>
            {
                Assert.Equal(10.00m, reinstatement.Amount);
                Assert.Equal(-15.00m, reinstatement.Fee);
                Assert.Equal(25.00m, reinstatement.Net);
                Assert.Equal("dispute_reversal", reinstatement.ReportingCategory);
            });
        Assert.Equal(0m, mapped.Fee);
        Assert.Equal(0m, mapped.Net);
    }

    [SkippableFact]
    public void Read_DisputeFundsWithdrawn_FeeAndNetOfTheWithdrawal()
    {
        StripeFixtures.SkipIfAbsent();
        var dispute = StripeFixtures.Json(DjStripeDispute);
        dispute["balance_transactions"]!.AsArray().RemoveAt(1);

        var mapped = Accepted<ProcessorDispute>(SignAndRead(Envelope("charge.dispute.funds_withdrawn", dispute)));

        Assert.Equal(DisputeStatus.UnderReview, mapped.Status);
        Assert.Equal(15.00m, mapped.Fee);
        Assert.Equal(-25.00m, mapped.Net);
    }

    [SkippableTheory]
    [InlineData("charge.dispute.created")]
    [InlineData("charge.dispute.updated")]
    [InlineData("charge.dispute.closed")]
    public void Read_InquiryWithoutMoneyMoved_NoFee(string type)
    {
        StripeFixtures.SkipIfAbsent();

        var mapped = Accepted<ProcessorDispute>(SignAndRead(Envelope(type, StripeFixtures.Resource("dispute"))));

        Assert.Equal(DisputeStatus.WarningNeedsResponse, mapped.Status);
        Assert.Empty(mapped.BalanceTransactions);
        Assert.Equal(0m, mapped.Fee);
    }

    [SkippableFact]
    public void ToString_DisputeWithEvidence_PrintsNoCustomerDetails()
    {
        StripeFixtures.SkipIfAbsent();

        var printed = Accepted<ProcessorDispute>(
            SignAndRead(Envelope("charge.dispute.updated", StripeFixtures.Json(DjStripeDispute)))).ToString();

        Assert.DoesNotContain("Jane Doe", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("test1@user.com", printed, StringComparison.Ordinal);
    }
}
