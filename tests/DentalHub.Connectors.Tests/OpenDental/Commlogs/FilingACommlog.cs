using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>A message DentalHub sent is filed on the patient's chart through POST /commlogs, carrying our reference.</summary>
public sealed class FilingACommlog : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Write_EmailSent_IsFiledWithItsCommlogNumAndTheDocumentedFields()
    {
        var outcome = await ApiMode(Api, Http).WriteCommlogAsync(Commlog(), CancellationToken.None);

        var commlog = Assert.Single(Api.Commlogs);
        Assert.Equal(new WriteOutcome.Written(commlog.CommlogNum.ToString(CultureInfo.InvariantCulture)), outcome);
        Assert.Equal((Patient, new DateTime(2026, 3, 2, 14, 5, 9), "Email", "Sent", DoubleDefinition.MiscCommLogType),
            (commlog.PatNum, commlog.CommDateTime, commlog.Mode, commlog.SentOrReceived, commlog.CommType));
        Assert.Equal("[DentalHub ref cmd-0001] E-mail \"Your visit\" sent from DentalHub", commlog.Note);
        var body = Body();
        Assert.Equal(["PatNum", "CommDateTime", "Mode_", "SentOrReceived", "Note"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal((48L, "2026-03-02 14:05:09"), (body.GetProperty("PatNum").GetInt64(), body.GetProperty("CommDateTime").GetString()));
    }

    [Theory]
    [InlineData(CommlogMode.None, "None")]
    [InlineData(CommlogMode.Email, "Email")]
    [InlineData(CommlogMode.Text, "Text")]
    [InlineData(CommlogMode.Phone, "Phone")]
    [InlineData(CommlogMode.Mail, "Mail")]
    [InlineData(CommlogMode.InPerson, "In Person")]
    public async Task Write_Mode_GoesOutAsOpenDentalsName(CommlogMode mode, string sent)
    {
        var outcome = await ApiMode(Api, Http).WriteCommlogAsync(Commlog(mode: mode), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(sent, Body().GetProperty("Mode_").GetString());
        Assert.Equal(sent, Assert.Single(Api.Commlogs).Mode);
    }

    [Theory]
    [InlineData(CommlogDirection.Sent, "Sent")]
    [InlineData(CommlogDirection.Received, "Received")]
    [InlineData(CommlogDirection.Neither, "Neither")]
    public async Task Write_Direction_GoesOutAsSentOrReceived(CommlogDirection direction, string sent)
    {
        await ApiMode(Api, Http).WriteCommlogAsync(Commlog(direction: direction), CancellationToken.None);

        Assert.Equal(sent, Body().GetProperty("SentOrReceived").GetString());
        Assert.Equal(sent, Assert.Single(Api.Commlogs).SentOrReceived);
    }

    [Fact]
    public async Task Write_PatientNotInOpenDental_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WriteCommlogAsync(Commlog(patient: 777), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the communication log: Patient not found."), outcome);
        Assert.Empty(Api.Commlogs);
    }

    [Fact]
    public async Task Write_RefusedKeys_IsUnavailableWithTheKeysMessageAndTheCommPermission()
    {
        var outcome = await ApiMode(Api, Http, customerKey: "disabled-key").WriteCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Unavailable(
            "Open Dental refused the API keys: check the developer key and customer key, and that the customer key is enabled in Setup > Advanced Setup > API."
            + " Writing a communication log also needs the office's \"Comm\" API permission."), outcome);
        Assert.Equal(1, Api.CommlogWrites.Posts);
        Assert.Empty(Api.Commlogs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ref]with-bracket")]
    public async Task Write_ReferenceThatCannotBeReadBack_IsRefusedWithoutSending(string reference)
    {
        var outcome = await ApiMode(Api, Http).WriteCommlogAsync(Commlog(reference: reference), CancellationToken.None);

        Assert.IsType<WriteOutcome.Refused>(outcome);
        Assert.Equal(0, Api.CommlogWrites.Posts);
    }

    [Fact]
    public async Task Write_OpenDentalBefore23_3_7AnswersWithoutTheCommlog_IsUnknownAndFoundByReadingBack()
    {
        Api.CommlogAnswersWithoutTheCommlog = true;
        var writer = ApiMode(Api, Http);

        var outcome = await writer.WriteCommlogAsync(Commlog(), CancellationToken.None);
        var found = await writer.FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Unknown(
            "Open Dental accepted the communication log but its answer did not say which communication log it created. DentalHub will look for it in Open Dental."), outcome);
        Assert.Equal(new FindOutcome.Found(Assert.Single(Api.Commlogs).CommlogNum.ToString(CultureInfo.InvariantCulture)), found);
        Assert.Equal(1, Api.CommlogWrites.Posts);
    }

    private JsonElement Body() => JsonDocument.Parse(Assert.Single(Api.CommlogWrites.Bodies)).RootElement;
}
