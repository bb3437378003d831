using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Documents;

/// <summary>A database-mode connection without API keys: Open Dental accepts documents only through its API.</summary>
internal sealed class KeylessDocumentWriter : IWritesDocuments
{
    public static KeylessDocumentWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(DocumentMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(DocumentMessages.NeedsKeys));

    public Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<PmsDocumentCategory>>(new OpenDentalApiException(DocumentMessages.NeedsKeys));
}
