using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>A payment taken in DentalHub is recorded in Open Dental through POST /payments, carrying our reference.</summary>
public sealed class WritingAPayment : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Write_GoodPayment_IsWrittenWithItsPayNumAndOneSplit()
    {
        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(), CancellationToken.None);

        var payment = Assert.Single(Api.Payments);
        Assert.Equal(new WriteOutcome.Written(payment.PayNum.ToString(System.Globalization.CultureInfo.InvariantCulture)), outcome);
        Assert.Equal((Patient, 123.45m, 70L, new DateOnly(2026, 3, 2), DoublePayment.ApiSource),
            (payment.PatNum, payment.PayAmt, payment.PayType, payment.PayDate, payment.PaymentSource));
        Assert.Equal("[DentalHub ref cmd-0001] Card payment at the front desk", payment.PayNote);
        var split = Assert.Single(Api.PaySplits);
        Assert.Equal((payment.PayNum, Patient, 123.45m), (split.PayNum, split.PatNum, split.SplitAmt));
    }

    [Theory]
    [InlineData("123.45", "123.45")]
    [InlineData("20", "20.00")]
    [InlineData("0.1", "0.10")]
    [InlineData("99999.99", "99999.99")]
    public async Task Write_Amount_GoesOutWithExactlyTwoDecimals(string amount, string sent)
    {
        await ApiMode(Api, Http).WritePaymentAsync(Payment(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);

        Assert.Equal(sent, Body().GetProperty("PayAmt").GetString());
        Assert.Equal(decimal.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(Api.Payments).PayAmt);
    }

    [Fact]
    public async Task Write_NoPaymentType_LeavesPayTypeOutSoTheOfficesApiPaymentTypeApplies()
    {
        await ApiMode(Api, Http).WritePaymentAsync(Payment(paymentType: null), CancellationToken.None);

        Assert.False(Body().TryGetProperty("PayType", out _));
        Assert.Equal(OpenDentalApiTestDouble.ApiPaymentType, Assert.Single(Api.Payments).PayType);
    }

    [Theory]
    [InlineData(PaymentAllocation.PatientOnly, "true")]
    [InlineData(PaymentAllocation.PmsDecides, "false")]
    public async Task Write_Allocation_SetsIsPatientPreferred(PaymentAllocation allocation, string sent)
    {
        await ApiMode(Api, Http).WritePaymentAsync(Payment(allocation: allocation), CancellationToken.None);

        Assert.Equal(sent, Body().GetProperty("isPatientPreferred").GetString());
        Assert.Equal(allocation == PaymentAllocation.PatientOnly, Assert.Single(Api.Payments).IsPatientPreferred);
    }

    [Fact]
    public async Task Write_EmptyNote_PayNoteIsJustTheReference()
    {
        await ApiMode(Api, Http).WritePaymentAsync(Payment(note: "  "), CancellationToken.None);

        Assert.Equal("[DentalHub ref cmd-0001]", Assert.Single(Api.Payments).PayNote);
    }

    [Fact]
    public async Task Write_PatientNotInOpenDental_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(patient: 777), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the payment: Patient not found."), outcome);
        Assert.Empty(Api.Payments);
    }

    [Fact]
    public async Task Write_PayTypeNotAPaymentType_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(paymentType: "293"), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the payment: PayType is invalid."), outcome);
        Assert.Empty(Api.Payments);
    }

    [Fact]
    public async Task Write_RefusedKeys_IsUnavailableWithTheKeysMessage()
    {
        var outcome = await ApiMode(Api, Http, customerKey: "disabled-key").WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Unavailable(
            "Open Dental refused the API keys: check the developer key and customer key, and that the customer key is enabled in Setup > Advanced Setup > API."), outcome);
        Assert.Equal(1, Api.PaymentPosts);
        Assert.Empty(Api.Payments);
    }

    [Theory]
    [InlineData(0.0, "Open Dental records payments of more than zero; refunds are not written from DentalHub.")]
    [InlineData(-5.0, "Open Dental records payments of more than zero; refunds are not written from DentalHub.")]
    [InlineData(10.005, "The payment's amount has fractions of a cent, which Open Dental cannot record.")]
    public async Task Write_AmountOpenDentalCannotRecord_IsRefusedWithoutSending(double amount, string reason)
    {
        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(amount: (decimal)amount), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(reason), outcome);
        Assert.Equal(0, Api.PaymentPosts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ref]with-bracket")]
    public async Task Write_ReferenceThatCannotBeReadBack_IsRefusedWithoutSending(string reference)
    {
        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(reference: reference), CancellationToken.None);

        Assert.IsType<WriteOutcome.Refused>(outcome);
        Assert.Equal(0, Api.PaymentPosts);
    }

    private JsonElement Body() => JsonDocument.Parse(Assert.Single(Api.PaymentBodies)).RootElement;
}
