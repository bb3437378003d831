using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ReadingChargeEvents
{
    [SkippableFact]
    public void Read_ChargeSucceededWithCardPresent_IsCardPresentPayment()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge(methodType: "card_present"))));

        Assert.Equal(PaymentChannel.CardPresent, payment.Channel);
    }

    [SkippableFact]
    public void Read_ChargeSucceededWithInteracPresent_IsCardPresentPayment()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge(methodType: "interac_present"))));

        Assert.Equal(PaymentChannel.CardPresent, payment.Channel);
    }

    [SkippableFact]
    public void Read_ChargeSucceededWithCard_IsOnlinePayment()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge(methodType: "card"))));

        Assert.Equal(PaymentChannel.Online, payment.Channel);
    }

    [SkippableFact]
    public void Read_ChargeSucceeded_KeyedByChargeWithItsIntentAndTime()
    {
        StripeFixtures.SkipIfAbsent();

        var accepted = Assert.IsType<PaymentEventAccepted>(SignAndRead(Envelope("charge.succeeded", Charge())));

        var payment = Assert.IsType<ProcessorPayment>(accepted.Event.Payload);
        Assert.Equal("ch_1PgafuB7WZ01zgkWXYmPNZs8", payment.ChargeId);
        Assert.Equal("pi_1PgafyB7WZ01zgkWSjxsAJo3", payment.PaymentIntentId);
        Assert.Equal(SignedAt, payment.ProcessedAt);
        Assert.Equal(TimeSpan.Zero, payment.ProcessedAt.Offset);
        Assert.Equal("evt_1TestDentalHub0001", accepted.Event.EventId);
    }

    [SkippableTheory]
    [InlineData(1999, "usd", "19.99")]
    [InlineData(1999, "jpy", "1999")]
    [InlineData(1000, "cad", "10.00")]
    [InlineData(5120, "kwd", "5.120")]
    public void Read_ChargeSucceeded_AmountConvertedExactly(long minorUnits, string currency, string expected)
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge(minorUnits, currency))));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), payment.Amount);
        Assert.Equal(expected, payment.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(currency, payment.Currency);
    }

    [SkippableFact]
    public void Read_ChargeSucceededWithEmbeddedBalanceTransaction_HasFeeAndNet()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["balance_transaction"] = BalanceTransaction(amount: 1999, fee: 88);

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", charge)));

        Assert.Equal("txn_1PgaxNB7WZ01zgkWEV3TLf40", payment.BalanceTransactionId);
        var settlement = Assert.IsType<ProcessorSettlement>(payment.Settlement);
        Assert.Equal(19.99m, settlement.Amount);
        Assert.Equal(0.88m, settlement.Fee);
        Assert.Equal(19.11m, settlement.Net);
        Assert.Equal("usd", settlement.Currency);
    }

    [SkippableFact]
    public void Read_ChargeSucceededWithBalanceTransactionId_FeeUnknown()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge())));

        Assert.Equal("txn_1PgaxNB7WZ01zgkWEV3TLf40", payment.BalanceTransactionId);
        Assert.Null(payment.Settlement);
    }

    [SkippableFact]
    public void Read_ChargeSucceededBeforeSettlement_NoBalanceTransactionAndFeeUnknown()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["balance_transaction"] = null;

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", charge)));

        Assert.Null(payment.BalanceTransactionId);
        Assert.Null(payment.Settlement);
    }

    [SkippableFact]
    public void Read_ChargeSucceededButNotCaptured_Ignored()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["captured"] = false;
        charge["amount_captured"] = 0;

        var ignored = Accepted<IgnoredEvent>(SignAndRead(Envelope("charge.succeeded", charge)));

        Assert.Contains("not captured", ignored.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_ChargeCapturedPartially_AmountIsWhatWasCaptured()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge(amount: 5000, methodType: "card_present");
        charge["amount_captured"] = 4500;

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.captured", charge)));

        Assert.Equal(45.00m, payment.Amount);
    }

    [SkippableFact]
    public void Read_ChargeWithPatientMetadataAndBillingDetails_HintsCarryThem()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["metadata"] = new JsonObject { ["dentalhub_patient_id"] = "dh-42", ["pms_patient_id"] = "1017" };
        charge["billing_details"]!["email"] = "jenny.rosen@example.com";

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", charge)));

        Assert.Equal("dh-42", payment.Patient.DentalHubPatientId);
        Assert.Equal("1017", payment.Patient.PmsPatientId);
        Assert.Equal("Jenny Rosen", payment.Patient.BillingName?.Value);
        Assert.Equal("jenny.rosen@example.com", payment.Patient.BillingEmail?.Value);
        Assert.Equal("My First Test Charge (created for API docs)", payment.Description?.Value);
    }

    [SkippableFact]
    public void ToString_PaymentWithPatientData_PrintsNoPatientData()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge();
        charge["billing_details"]!["email"] = "jenny.rosen@example.com";

        var printed = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", charge))).ToString();

        Assert.DoesNotContain("Jenny", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("jenny.rosen", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("First Test Charge", printed, StringComparison.Ordinal);
        Assert.Contains("ch_1PgafuB7WZ01zgkWXYmPNZs8", printed, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_ChargeRefunded_CumulativeRefundedTotal()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge(amount: 1999);
        charge["amount_refunded"] = 500;
        charge["refunded"] = false;

        var refunded = Accepted<ProcessorChargeRefunded>(SignAndRead(Envelope("charge.refunded", charge)));

        Assert.Equal("ch_1PgafuB7WZ01zgkWXYmPNZs8", refunded.ChargeId);
        Assert.Equal(5.00m, refunded.AmountRefunded);
        Assert.False(refunded.FullyRefunded);
    }
}
