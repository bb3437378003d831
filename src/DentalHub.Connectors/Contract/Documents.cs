namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can attach documents (a PDF or a picture: a signed payment-plan agreement, a receipt) to a
/// patient's chart in the PMS, in one of its document categories. Like payments, a document carries our reference and is
/// found again by it after an unknown outcome, never sent blind twice.
/// </summary>
public interface IWritesDocuments
{
    /// <summary>Attaches one document. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken);

    /// <summary>Looks in the PMS for a document attached earlier with this document's reference.</summary>
    Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken);

    /// <summary>The PMS's document categories, for the writeback settings and the form (Open Dental: definitions of category 18).</summary>
    Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A document to attach. <see cref="Content"/> is the file as uploaded, <see cref="ContentType"/> what its bytes are
/// (application/pdf, image/jpeg, image/png), <see cref="CategoryId"/> null lets the PMS choose (Open Dental: its first
/// image category). <see cref="CreatedAt"/> is the PMS's wall clock, unzoned. <see cref="Reference"/> is ours, stored
/// where it can be read back (Open Dental: in the document's Description).
/// </summary>
public sealed record PmsDocumentWrite(
    string Reference,
    string PmsPatientId,
    string FileName,
    string ContentType,
    byte[] Content,
    string? CategoryId,
    string Description,
    DateTime CreatedAt);

/// <summary>A document category of the PMS (Open Dental: an image category, the folders of its Imaging module).</summary>
public sealed record PmsDocumentCategory(string Id, string Name, bool Hidden);
