using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.Stripe.StripeTestEvents;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>payment_intent.succeeded and charge.succeeded report one payment; both must key on the charge.</summary>
public sealed class ReadingPaymentIntentEvents
{
    private const string ChargeId = "ch_1PgafuB7WZ01zgkWXYmPNZs8";

    private static JsonObject SucceededIntent(params string[] methodTypes)
    {
        var intent = StripeFixtures.Resource("payment_intent");
        intent["status"] = "succeeded";
        intent["amount"] = 1999;
        intent["amount_received"] = 1999;
        intent["latest_charge"] = ChargeId;
        intent["metadata"] = new JsonObject { ["pms_patient_id"] = "1017" };
        intent["payment_method_types"] = new JsonArray(methodTypes.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        return intent;
    }

    [SkippableFact]
    public void Read_PaymentIntentSucceeded_SameChargeIdAsChargeSucceeded()
    {
        StripeFixtures.SkipIfAbsent();

        var fromIntent = Accepted<ProcessorPayment>(SignAndRead(Envelope("payment_intent.succeeded", SucceededIntent("card"))));
        var fromCharge = Accepted<ProcessorPayment>(SignAndRead(Envelope("charge.succeeded", Charge())));

        Assert.Equal(fromCharge.ChargeId, fromIntent.ChargeId);
        Assert.Equal(fromCharge.PaymentIntentId, fromIntent.PaymentIntentId);
        Assert.Equal(fromCharge.Amount, fromIntent.Amount);
        Assert.Equal(fromCharge.Currency, fromIntent.Currency);
    }

    [SkippableFact]
    public void Read_PaymentIntentSucceeded_AmountReceivedAndMetadataHints()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("payment_intent.succeeded", SucceededIntent("card"))));

        Assert.Equal(19.99m, payment.Amount);
        Assert.Equal("1017", payment.Patient.PmsPatientId);
        Assert.Equal(PaymentChannel.Online, payment.Channel);
        Assert.Null(payment.Settlement);
    }

    [SkippableFact]
    public void Read_PaymentIntentForTerminalOnly_IsCardPresent()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(
            SignAndRead(Envelope("payment_intent.succeeded", SucceededIntent("card_present", "interac_present"))));

        Assert.Equal(PaymentChannel.CardPresent, payment.Channel);
    }

    [SkippableFact]
    public void Read_PaymentIntentAllowingTerminalAndOnline_ChannelUnknownUntilChargeArrives()
    {
        StripeFixtures.SkipIfAbsent();

        var payment = Accepted<ProcessorPayment>(
            SignAndRead(Envelope("payment_intent.succeeded", SucceededIntent("card", "card_present"))));

        Assert.Equal(PaymentChannel.Unknown, payment.Channel);
    }

    [SkippableFact]
    public void Read_PaymentIntentWithExpandedCharge_ChannelAndFeeFromCharge()
    {
        StripeFixtures.SkipIfAbsent();
        var charge = Charge(methodType: "card_present");
        charge["balance_transaction"] = BalanceTransaction(amount: 1999, fee: 88);
        var intent = SucceededIntent("card", "card_present");
        intent["latest_charge"] = charge;

        var payment = Accepted<ProcessorPayment>(SignAndRead(Envelope("payment_intent.succeeded", intent)));

        Assert.Equal(ChargeId, payment.ChargeId);
        Assert.Equal(PaymentChannel.CardPresent, payment.Channel);
        Assert.Equal(0.88m, payment.Settlement?.Fee);
        Assert.Equal("1017", payment.Patient.PmsPatientId);
    }

    [SkippableFact]
    public void Read_PaymentIntentWithoutCharge_Ignored()
    {
        StripeFixtures.SkipIfAbsent();
        var intent = SucceededIntent("card");
        intent["latest_charge"] = null;

        Accepted<IgnoredEvent>(SignAndRead(Envelope("payment_intent.succeeded", intent)));
    }
}
