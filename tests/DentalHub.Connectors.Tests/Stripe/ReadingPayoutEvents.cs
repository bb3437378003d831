using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ReadingPayoutEvents
{
    private static JsonObject Payout(string status)
    {
        var payout = StripeFixtures.Resource("payout");
        payout["status"] = status;
        payout["amount"] = 123456;
        return payout;
    }

    [SkippableFact]
    public void Read_PayoutPaid_PaidPayoutWithArrivalDate()
    {
        StripeFixtures.SkipIfAbsent();

        var payout = Accepted<ProcessorPayout>(SignAndRead(Envelope("payout.paid", Payout("paid"))));

        Assert.Equal("po_1Pgc79B7WZ01zgkWu1KToYf4", payout.PayoutId);
        Assert.Equal(1234.56m, payout.Amount);
        Assert.Equal("usd", payout.Currency);
        Assert.Equal(PayoutStatus.Paid, payout.Status);
        Assert.Equal(new DateOnly(2009, 2, 13), payout.ArrivalDate);
        Assert.True(payout.Automatic);
        Assert.Equal(PayoutReconciliation.Completed, payout.Reconciliation);
        Assert.Equal("txn_1PgaxNB7WZ01zgkWEV3TLf40", payout.BalanceTransactionId);
        Assert.Null(payout.FailureCode);
    }

    [SkippableFact]
    public void Read_PayoutFailed_FailureCodeAndMessage()
    {
        StripeFixtures.SkipIfAbsent();
        var resource = Payout("failed");
        resource["failure_code"] = "account_closed";
        resource["failure_message"] = "The bank account has been closed.";
        resource["failure_balance_transaction"] = "txn_1FailedPayoutReturn";

        var payout = Accepted<ProcessorPayout>(SignAndRead(Envelope("payout.failed", resource)));

        Assert.Equal(PayoutStatus.Failed, payout.Status);
        Assert.Equal("account_closed", payout.FailureCode);
        Assert.Equal("The bank account has been closed.", payout.FailureMessage);
        Assert.Equal("txn_1FailedPayoutReturn", payout.FailureBalanceTransactionId);
    }

    [SkippableTheory]
    [InlineData("payout.canceled", "canceled", PayoutStatus.Canceled)]
    [InlineData("payout.updated", "in_transit", PayoutStatus.InTransit)]
    [InlineData("payout.reconciliation_completed", "paid", PayoutStatus.Paid)]
    public void Read_OtherPayoutEvents_StatusMapped(string type, string status, PayoutStatus expected)
    {
        StripeFixtures.SkipIfAbsent();

        var payout = Accepted<ProcessorPayout>(SignAndRead(Envelope(type, Payout(status))));

        Assert.Equal(expected, payout.Status);
    }

    [SkippableFact]
    public void Read_ManualPayoutWithoutReconciliation_SaysSo()
    {
        StripeFixtures.SkipIfAbsent();
        var resource = Payout("paid");
        resource["automatic"] = false;
        resource["reconciliation_status"] = "not_applicable";

        var payout = Accepted<ProcessorPayout>(SignAndRead(Envelope("payout.paid", resource)));

        Assert.False(payout.Automatic);
        Assert.Equal(PayoutReconciliation.NotApplicable, payout.Reconciliation);
    }
}
