using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's documents, in memory for the life of the process under the connection's ledger name (sample data
/// only). Like Open Dental it refuses a patient it does not have, a category it does not have, and an empty file.
/// </summary>
public sealed class DemoDocuments(string name, IReadOnlySet<string> patientIds) : IWritesDocuments
{
    public static IReadOnlyList<PmsDocumentCategory> Categories { get; } =
    [
        new("501", "Patient Information", false),
        new("502", "Financial Agreements", false),
        new("503", "Receipts", false),
        new("504", "Old Forms", true),
    ];

    public static IReadOnlyList<(PmsDocumentWrite Document, string Id)> Entries(string name) => DemoWrites<PmsDocumentWrite>.Entries(name);

    public Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(Problem(document) is { } problem
            ? new WriteOutcome.Refused(problem)
            : new WriteOutcome.Written(DemoWrites<PmsDocumentWrite>.Keep(name, document, 7001)));

    public Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) =>
        Task.FromResult(DemoWrites<PmsDocumentWrite>.Find(name, d => d.Reference == document.Reference));

    public Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) => Task.FromResult(Categories);

    private string? Problem(PmsDocumentWrite document)
    {
        if (!patientIds.Contains(document.PmsPatientId))
        {
            return $"The Demo PMS has no patient {document.PmsPatientId}: link the profile to one of the sample practice's patients.";
        }
        if (document.CategoryId is { } category && !Categories.Any(c => c.Id == category && !c.Hidden))
        {
            return "The Demo PMS has no such document category in use. Choose one of its categories again.";
        }
        return document.Content.Length == 0 ? "The document is empty; the Demo PMS keeps no empty files." : null;
    }
}
