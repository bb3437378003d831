using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Documents.DocumentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Documents;

/// <summary>A document attached in DentalHub goes through POST /documents/Upload, carrying our reference in its Description.</summary>
public sealed class AttachingADocument : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Write_Pdf_IsUploadedWithTheDocumentedFields()
    {
        var outcome = await ApiMode(Api, Http).WriteDocumentAsync(Document(), CancellationToken.None);

        var stored = Assert.Single(Api.Documents);
        Assert.Equal(new WriteOutcome.Written(stored.DocNum.ToString(CultureInfo.InvariantCulture)), outcome);
        Assert.Equal((Patient, 185L, "Document", new DateTime(2026, 3, 2, 10, 30, 0)), (stored.PatNum, stored.DocCategory, stored.ImgType, stored.DateCreated));
        Assert.Equal("[DentalHub ref DHD-0001] Signed payment plan", stored.Description);
        Assert.Equal(Pdf, stored.Content);
        using var body = JsonDocument.Parse(Assert.Single(Api.DocumentWrites.Bodies));
        Assert.Equal(["PatNum", "rawBase64", "extension", "Description", "DateCreated", "DocCategory", "ImgType"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(".pdf", body.RootElement.GetProperty("extension").GetString());
    }

    [Fact]
    public async Task Write_PngWithoutCategory_IsAPhotoInTheOfficesFirstCategory()
    {
        var outcome = await ApiMode(Api, Http).WriteDocumentAsync(Document(category: null, contentType: "image/png"), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal((184L, "Photo"), (Assert.Single(Api.Documents).DocCategory, Api.Documents[0].ImgType));
    }

    [Fact]
    public async Task Write_LongDescription_KeepsOurReferenceWithinOpenDentalsLength()
    {
        var outcome = await ApiMode(Api, Http).WriteDocumentAsync(Document(description: new string('x', 400)), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.StartsWith("[DentalHub ref DHD-0001] ", Assert.Single(Api.Documents).Description, StringComparison.Ordinal);
        Assert.Equal(255, Api.Documents[0].Description.Length);
    }

    [Fact]
    public async Task Write_HiddenCategory_IsRefusedWithOpenDentalsExplanation()
    {
        var outcome = await ApiMode(Api, Http).WriteDocumentAsync(Document(category: "187"), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental refused the document: DocCategory is invalid."), outcome);
        Assert.Empty(Api.Documents);
    }

    [Theory]
    [InlineData("application/x-msdownload", "Only PDF, JPEG and PNG documents are sent to Open Dental.")]
    [InlineData("text/html", "Only PDF, JPEG and PNG documents are sent to Open Dental.")]
    public async Task Write_NotADocumentType_IsRefusedBeforeAnythingIsSent(string contentType, string reason)
    {
        var outcome = await ApiMode(Api, Http).WriteDocumentAsync(Document(contentType: contentType), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(reason), outcome);
        Assert.Equal(0, Api.DocumentWrites.Posts);
    }

    [Fact]
    public async Task ReadCategories_CategoryEighteen_HiddenOnesMarked()
    {
        var categories = await ApiMode(Api, Http).ReadDocumentCategoriesAsync(CancellationToken.None);

        Assert.Equal(
            [
                new PmsDocumentCategory("184", "Patient Information", false),
                new PmsDocumentCategory("185", "Financial", false),
                new PmsDocumentCategory("186", "Treatment Plans", false),
                new PmsDocumentCategory("187", "Old Scans", true),
            ],
            categories.OrderBy(c => c.Id));
    }

    [Fact]
    public async Task WriteAndFind_DatabaseModeWithoutApiKeys_SayWhichKeysToAdd()
    {
        const string needsKeys = "Attaching documents needs Open Dental's API keys: add the developer key and customer key to this connection.";
        var writer = DatabaseMode(api: null, NoHttpClients.Instance);

        Assert.Equal(new WriteOutcome.Refused(needsKeys), await writer.WriteDocumentAsync(Document(), CancellationToken.None));
        Assert.Equal(new FindOutcome.CouldNotCheck(needsKeys), await writer.FindWrittenDocumentAsync(Document(), CancellationToken.None));
        Assert.Contains("API keys", ((IConnector)writer).MissingFor(typeof(IWritesDocuments)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DatabaseModeWithApiKeys_GoesThroughTheApi()
    {
        var outcome = await DatabaseMode(Api, Http).WriteDocumentAsync(Document(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Single(Api.Documents);
    }
}
