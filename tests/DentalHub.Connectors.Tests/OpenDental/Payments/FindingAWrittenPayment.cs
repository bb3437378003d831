using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>After an unknown outcome, the connector reads the patient's payments back and looks for our reference in PayNote.</summary>
public sealed class FindingAWrittenPayment : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Find_AmongOtherPayments_FindsOnlyOurReference()
    {
        Api.AddPayment(Patient, 50m, "Cash at the desk");
        Api.AddPayment(Patient, 60m, "[DentalHub ref cmd-00012] another of ours");
        var ours = Api.AddPayment(Patient, 123.45m, "[DentalHub ref cmd-0001] Card payment");
        Api.AddPayment(49, 70m, "[DentalHub ref cmd-0001] same reference, other patient");

        var found = await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.PayNum.ToString(CultureInfo.InvariantCulture)), found);
    }

    [Fact]
    public async Task Find_StaffAddedTextAroundTheReference_StillFindsIt()
    {
        var ours = Api.AddPayment(Patient, 123.45m, "Checked by Anna. [DentalHub ref cmd-0001] Card payment\r\nrefund asked");

        var found = await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.PayNum.ToString(CultureInfo.InvariantCulture)), found);
    }

    [Fact]
    public async Task Find_NotThere_IsNotFound()
    {
        Api.AddPayment(Patient, 50m, "Cash at the desk");

        var found = await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.NotFound(), found);
    }

    [Fact]
    public async Task Find_AsksForThePatientsPaymentsEnteredFromTheDayBeforePayDate()
    {
        await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(payDate: new DateOnly(2026, 3, 2)), CancellationToken.None);

        var request = Assert.Single(Api.Requests);
        Assert.Equal(("/api/v1/payments", "48", "2026-03-01"), (request.Path, request.Query["PatNum"], request.Query["DateEntry"]));
    }

    [Fact]
    public async Task Find_FutureDatedPayment_AsksWithoutADateFilter()
    {
        await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(payDate: new DateOnly(2099, 1, 1)), CancellationToken.None);

        Assert.False(Assert.Single(Api.Requests).Query.ContainsKey("DateEntry"));
    }

    [Fact]
    public async Task Find_OurPaymentOnTheThirdPage_PagesUntilItIsFound()
    {
        var entered = new DateOnly(2026, 3, 2);
        for (var i = 0; i < 230; i++)
        {
            Api.AddPayment(Patient, 10m, $"[DentalHub ref other-{i}]", entered);
        }
        var ours = Api.AddPayment(Patient, 123.45m, "[DentalHub ref cmd-0001]", entered);

        var found = await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.PayNum.ToString(CultureInfo.InvariantCulture)), found);
        Assert.Equal(["0", "100", "200"], Api.Requests.Select(r => r.Query["Offset"]));
    }

    [Fact]
    public async Task Find_RefusedKeys_CouldNotCheckWithTheKeysMessage()
    {
        var found = await ApiMode(Api, Http, customerKey: "disabled-key").FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.CouldNotCheck(
            "Open Dental refused the API keys: check the developer key and customer key, and that the customer key is enabled in Setup > Advanced Setup > API."), found);
    }

    [Fact]
    public async Task Find_PatientUnknownToOpenDental_CouldNotCheckRatherThanNotFound()
    {
        var found = await ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(patient: 777), CancellationToken.None);

        Assert.IsType<FindOutcome.CouldNotCheck>(found);
    }
}
