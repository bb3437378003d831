using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Documents;

/// <summary>
/// Attaches documents to the patient's chart through Open Dental's API (<c>POST /documents/Upload</c>) and finds them
/// again by the reference in their Description (<c>GET /documents?PatNum=</c>). Used by API mode, and by database mode
/// when the connection also has API keys.
/// </summary>
internal sealed class OpenDentalDocumentWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesDocuments
{
    public static OpenDentalDocumentWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context),
        new OpenDentalApiClient(
            context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName),
            settings,
            ApiResilience.Create(context.Time, ApiResilience.CheckRetries, settings.RequestTimeout)));

    public async Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken)
    {
        var (body, problem) = ApiDocumentUpload.From(document);
        return body is null
            ? new WriteOutcome.Refused(problem!)
            : await poster.PostAsync("documents/Upload", body.ToJson(), DocumentMessages.Write, cancellationToken);
    }

    /// <summary>Pages through the patient's documents and mounts for a document whose Description carries our reference.</summary>
    public async Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken)
    {
        if (!ReferenceNote.IsUsable(document.Reference) || ApiDocumentUpload.Number(document.PmsPatientId) is not { } patNum)
        {
            // WriteDocumentAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        var query = new KeyValuePair<string, string>[] { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
        return await ReferenceSearch.FindAsync<ApiWrittenDocument>(reads, "documents", query, "documents",
            d => d.DocNum > 0 && ReferenceNote.Carries(d.Description, document.Reference), d => d.DocNum, cancellationToken);
    }

    public async Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) =>
        (await ApiDefinition.ReadCategoryAsync(reads, ApiDefinition.ImageCategories, "image categories", cancellationToken))
            .Select(d => new PmsDocumentCategory(d.Id, d.Name, d.Hidden))
            .ToList();
}
