using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>After an unknown outcome, the connector reads the patient's commlogs back and looks for our reference in Note.</summary>
public sealed class FindingAFiledCommlog : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Find_AmongOtherCommlogs_FindsOnlyOurReferenceOnThisPatient()
    {
        Api.AddCommlog(Patient, "Left msg on answering machine");
        Api.AddCommlog(Patient, "[DentalHub ref cmd-00012] another of ours", "Email");
        var ours = Api.AddCommlog(Patient, "[DentalHub ref cmd-0001] E-mail sent", "Email");
        Api.AddCommlog(49, "[DentalHub ref cmd-0001] same reference, other patient", "Email");

        var found = await ApiMode(Api, Http).FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.CommlogNum.ToString(CultureInfo.InvariantCulture)), found);
        var request = Assert.Single(Api.Requests);
        Assert.Equal(("/api/v1/commlogs", "48"), (request.Path, request.Query["PatNum"]));
    }

    [Fact]
    public async Task Find_NotThere_IsNotFound()
    {
        Api.AddCommlog(Patient, "Left msg on answering machine");

        var found = await ApiMode(Api, Http).FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new FindOutcome.NotFound(), found);
    }

    [Fact]
    public async Task Find_OurCommlogOnTheThirdPage_PagesUntilItIsFound()
    {
        for (var i = 0; i < 230; i++)
        {
            Api.AddCommlog(Patient, $"[DentalHub ref other-{i}]");
        }
        var ours = Api.AddCommlog(Patient, "[DentalHub ref cmd-0001]");

        var found = await ApiMode(Api, Http).FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.CommlogNum.ToString(CultureInfo.InvariantCulture)), found);
        Assert.Equal(["0", "100", "200"], Api.Requests.Select(r => r.Query["Offset"]));
    }

    [Fact]
    public async Task Find_PatientGoneFromOpenDental_CouldNotCheck()
    {
        var found = await ApiMode(Api, Http).FindWrittenCommlogAsync(Commlog(patient: 777), CancellationToken.None);

        Assert.IsType<FindOutcome.CouldNotCheck>(found);
    }
}
