using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Adjustments.AdjustmentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Adjustments;

/// <summary>An adjustment staff enter in DentalHub is posted through POST /adjustments, carrying our reference in its AdjNote.</summary>
public sealed class PostingAnAdjustment : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Write_Discount_IsPostedNegativeWithTheDocumentedFields()
    {
        var outcome = await ApiMode(Api, Http).WriteAdjustmentAsync(Adjustment(), CancellationToken.None);

        var posted = Assert.Single(Api.AdjustmentsPosted);
        Assert.Equal(new WriteOutcome.Written(posted.AdjNum.ToString(CultureInfo.InvariantCulture)), outcome);
        Assert.Equal((Patient, 294L, -25m, new DateOnly(2026, 3, 2), 1L), (posted.PatNum, posted.AdjType, posted.AdjAmt, posted.AdjDate, posted.ProvNum));
        Assert.Equal("[DentalHub ref DHA-0001] Membership discount from DentalHub", posted.AdjNote);
        using var body = JsonDocument.Parse(Assert.Single(Api.AdjustmentWrites.Bodies));
        Assert.Equal(["PatNum", "AdjType", "AdjAmt", "AdjDate", "AdjNote"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("-25.00", body.RootElement.GetProperty("AdjAmt").GetString());
    }

    [Fact]
    public async Task Write_RefundAsADebitWithAProvider_IsPostedPositiveForThatProvider()
    {
        var outcome = await ApiMode(Api, Http).WriteAdjustmentAsync(Adjustment(amount: 40m, type: Refund, provider: "2"), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal((40m, 2L), (Assert.Single(Api.AdjustmentsPosted).AdjAmt, Api.AdjustmentsPosted[0].ProvNum));
    }

    [Fact]
    public async Task Write_AmountSignedAgainstItsType_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WriteAdjustmentAsync(Adjustment(amount: 25m, type: Discount), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the adjustment: AdjAmt must be negative for an AdjType with an ItemValue of \"-\"."), outcome);
        Assert.Empty(Api.AdjustmentsPosted);
    }

    [Fact]
    public async Task Write_PatientNotInOpenDental_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WriteAdjustmentAsync(Adjustment(patient: 777), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the adjustment: Patient not found."), outcome);
    }

    [Theory]
    [InlineData(0, "294", "An adjustment of zero changes nothing; Open Dental is not sent one.")]
    [InlineData(-25.005, "294", "The adjustment's amount has fractions of a cent, which Open Dental cannot record.")]
    [InlineData(-25, "Discount", "The adjustment type is not an Open Dental adjustment type. Choose it again.")]
    public async Task Write_NotPostable_IsRefusedBeforeAnythingIsSent(decimal amount, string type, string reason)
    {
        var outcome = await ApiMode(Api, Http).WriteAdjustmentAsync(Adjustment(amount: amount, type: type), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(reason), outcome);
        Assert.Equal(0, Api.AdjustmentWrites.Posts);
    }

    [Fact]
    public async Task Find_PostedByStaffWithoutOurReference_NotFound()
    {
        Api.Put("adjustments", 41, new Dictionary<string, object?> { ["AdjNum"] = 41L, ["PatNum"] = Patient, ["AdjNote"] = "Cash discount", ["AdjAmt"] = -5m });

        var found = await ApiMode(Api, Http).FindWrittenAdjustmentAsync(Adjustment(), CancellationToken.None);

        Assert.IsType<FindOutcome.NotFound>(found);
        Assert.Contains(Api.Requests, r => r.Method == "GET" && r.Path == "/api/v1/adjustments" && r.Query["PatNum"] == "48");
    }

    [Fact]
    public async Task ReadTypes_CategoryOne_EachWithItsEffectHiddenOnesMarked()
    {
        var types = await ApiMode(Api, Http).ReadAdjustmentTypesAsync(CancellationToken.None);

        Assert.Equal(
            [
                new PmsAdjustmentType("293", "Sales Tax", AdjustmentEffect.Debit, false),
                new PmsAdjustmentType("294", "Membership Discount", AdjustmentEffect.Credit, false),
                new PmsAdjustmentType("295", "Patient Refund", AdjustmentEffect.Debit, false),
                new PmsAdjustmentType("296", "Old Discount", AdjustmentEffect.Credit, true),
            ],
            types.OrderBy(t => t.Id));
    }

    [Fact]
    public async Task WriteAndFind_DatabaseModeWithoutApiKeys_SayWhichKeysToAdd()
    {
        const string needsKeys = "Writing adjustments needs Open Dental's API keys: add the developer key and customer key to this connection.";
        var writer = DatabaseMode(api: null, NoHttpClients.Instance);

        Assert.Equal(new WriteOutcome.Refused(needsKeys), await writer.WriteAdjustmentAsync(Adjustment(), CancellationToken.None));
        Assert.Equal(new FindOutcome.CouldNotCheck(needsKeys), await writer.FindWrittenAdjustmentAsync(Adjustment(), CancellationToken.None));
        Assert.Contains("API keys", ((IConnector)writer).MissingFor(typeof(IWritesAdjustments)), StringComparison.Ordinal);
    }
}
