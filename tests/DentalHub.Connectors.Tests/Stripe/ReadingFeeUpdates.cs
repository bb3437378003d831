using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>Since asynchronous capture the fee often arrives after the payment, with charge.updated.</summary>
public sealed class ReadingFeeUpdates
{
    [SkippableFact]
    public void Read_ChargeUpdatedWithEmbeddedBalanceTransaction_FeeUpdateWithFee()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["balance_transaction"] = BalanceTransaction(amount: 1999, fee: 88);

        var update = Accepted<ProcessorFeeUpdate>(SignAndRead(Envelope("charge.updated", charge)));

        Assert.Equal("ch_1PgafuB7WZ01zgkWXYmPNZs8", update.ChargeId);
        Assert.Equal("txn_1PgaxNB7WZ01zgkWEV3TLf40", update.BalanceTransactionId);
        Assert.False(update.MustFetchBalanceTransaction);
        Assert.Equal(0.88m, update.Settlement!.Fee);
        Assert.Equal(19.11m, update.Settlement.Net);
    }

    [SkippableFact]
    public void Read_ChargeUpdatedWithBalanceTransactionId_SaysWhichToFetch()
    {
        StripeFixtures.SkipIfAbsent();

        var update = Accepted<ProcessorFeeUpdate>(SignAndRead(Envelope("charge.updated", Charge())));

        Assert.True(update.MustFetchBalanceTransaction);
        Assert.Equal("txn_1PgaxNB7WZ01zgkWEV3TLf40", update.BalanceTransactionId);
        Assert.Null(update.Settlement);
    }

    [SkippableFact]
    public void Read_ChargeUpdatedWithoutBalanceTransaction_Ignored()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["balance_transaction"] = null;

        Accepted<IgnoredEvent>(SignAndRead(Envelope("charge.updated", charge)));
    }

    [SkippableFact]
    public void Read_ChargeUpdatedSettledInAnotherCurrency_FeeInSettlementCurrency()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge(amount: 2000, currency: "eur");
        charge["balance_transaction"] = BalanceTransaction(amount: 2170, fee: 93, currency: "usd");

        var update = Accepted<ProcessorFeeUpdate>(SignAndRead(Envelope("charge.updated", charge)));

        Assert.Equal("usd", update.Settlement!.Currency);
        Assert.Equal(21.70m, update.Settlement.Amount);
        Assert.Equal(0.93m, update.Settlement.Fee);
    }
}
