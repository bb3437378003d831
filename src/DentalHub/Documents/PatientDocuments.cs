using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Documents;

/// <summary>
/// Documents attached to patients' charts in the PMS from DentalHub (a signed payment-plan agreement, a receipt):
/// attached by staff on the profile or through the API, each kept with the command that sends it exactly once
/// (decision 3), committed together, and shown with where it is.
/// </summary>
public sealed class PatientDocuments(
    DentalHubDbFactory databases, PmsRecords records, WritebackSignal writeback, AuditLog audit, TimeProvider time)
{
    public const int MaxDescriptionLength = 200;

    public const string WritebackOff = "Attaching documents is off: an Owner or Admin turns it on under Settings › Writeback.";
    public const string NotInPractice = "This patient is not in this practice.";
    public const string NotLinked = "This patient is not linked to a PMS record yet, so there is no chart to attach a document to.";

    public static string NotPossibleThrough(string system) => $"Documents are not possible through {system}.";

    /// <summary>An error that no other file would avoid: writeback off, or no PMS chart that takes documents.</summary>
    public static bool IsNotPossible(string error) =>
        error is WritebackOff or NotLinked || error.StartsWith("Documents are not possible through ", StringComparison.Ordinal);

    /// <summary>Where this patient's documents go and the practice's default category, without asking the PMS anything.</summary>
    public async Task<DocumentForm> FormAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        return new DocumentForm(record?.SystemName, settings?.WriteDocuments == true, settings?.DefaultDocumentCategory, notPossible);
    }

    /// <summary>The document categories of the PMS this patient's documents go to, or the reason they could not be read.</summary>
    public async Task<(IReadOnlyList<PmsDocumentCategory> Categories, string? Problem)> CategoriesAsync(
        TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        return record is null ? ([], notPossible) : await CategoriesAsync(db, record, cancellationToken);
    }

    /// <summary>
    /// Keeps the document and, in the same transaction, the command that attaches it; the error, in words, when it is
    /// not kept (writeback off, no PMS chart, a file that is not a PDF, JPEG or PNG, a category the PMS does not use).
    /// </summary>
    public async Task<(PatientDocument? Added, string? Error)> AddAsync(
        TenantScope tenant, AuditActor actor, Guid patientId, DocumentInput input, CancellationToken cancellationToken)
    {
        var (contentType, invalid) = DocumentFile.Check(input.Content);
        if (contentType is null)
        {
            return (null, invalid);
        }
        var description = input.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            return (null, $"The description is at most {MaxDescriptionLength} characters.");
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return (null, NotInPractice);
        }
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (settings?.WriteDocuments != true)
        {
            return (null, WritebackOff);
        }
        var (record, notPossible) = await TargetAsync(db, patientId, cancellationToken);
        if (record is null)
        {
            return (null, notPossible);
        }
        var categoryId = string.IsNullOrWhiteSpace(input.CategoryId) ? settings.DefaultDocumentCategory : input.CategoryId.Trim();
        var (categories, _) = await CategoriesAsync(db, record, cancellationToken);
        // When the PMS cannot be asked now, the document is queued all the same: the PMS checks the category when it arrives.
        var category = categories.FirstOrDefault(c => c.Id == categoryId);
        if (categoryId is not null && categories.Count > 0 && (category is null || category.Hidden))
        {
            return (null, $"{record.SystemName} has no document category {categoryId} in use. Choose one of its categories.");
        }
        var now = time.GetUtcNow();
        var document = new PatientDocument
        {
            PracticeId = tenant.PracticeId!.Value,
            PatientId = patientId,
            FileName = DocumentFile.SafeName(input.FileName, contentType),
            ContentType = contentType,
            Content = input.Content,
            CategoryId = categoryId,
            CategoryName = category?.Name,
            Description = description,
            EnteredBy = actor.Name,
            EnteredAt = now,
        };
        var zone = (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone;
        db.PatientDocuments.Add(document);
        db.WritebackCommands.Add(Command(document, record, TimeZoneInfo.ConvertTime(now, zone).DateTime, now));
        audit.Add(db, actor, AuditActions.PatientChanged, "Document attached to the PMS chart", patientId);
        await db.SaveChangesAsync(cancellationToken);
        writeback.Wake();
        return (document, null);
    }

    /// <summary>The patient's documents, newest first, each with where it is in the PMS.</summary>
    public async Task<IReadOnlyList<DocumentLine>> ListAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var documents = await db.PatientDocuments.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.EnteredAt).Take(take)
            .Select(d => new { d.Id, d.FileName, d.ContentType, Size = d.Content.Length, d.CategoryId, d.CategoryName, d.Description, d.EnteredBy, d.EnteredAt })
            .ToListAsync(cancellationToken);
        var commands = await records.CommandsAsync(db, WritebackKinds.Document, documents.Select(d => d.Id).ToList(), cancellationToken);
        return documents.Select(d => new DocumentLine(
            d.Id, d.FileName, d.ContentType, d.Size, d.CategoryName ?? (d.CategoryId is null ? "The PMS's first category" : $"Category {d.CategoryId}"),
            d.Description, d.EnteredBy, d.EnteredAt,
            commands.TryGetValue(d.Id, out var c) ? PmsLogState.Of(c.Command, c.System, PmsWriteWords.Record) : new PmsLogState(PmsLogDisplay.LoggingOff, "Writeback off")))
            .ToList();
    }

    /// <summary>One document's file, or null when the patient has no such document.</summary>
    public async Task<DocumentContent?> FileAsync(TenantScope tenant, Guid patientId, Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PatientDocuments.AsNoTracking().Where(d => d.Id == documentId && d.PatientId == patientId)
            .Select(d => new DocumentContent(d.FileName, d.ContentType, d.Content)).FirstOrDefaultAsync(cancellationToken);
    }

    private Task<(PmsPatientRecord? Record, string? NotPossible)> TargetAsync(DentalHubDb db, Guid patientId, CancellationToken cancellationToken) =>
        records.TargetAsync<IWritesDocuments>(db, patientId, NotLinked, NotPossibleThrough, cancellationToken);

    private Task<(IReadOnlyList<PmsDocumentCategory> Items, string? Problem)> CategoriesAsync(DentalHubDb db, PmsPatientRecord record, CancellationToken cancellationToken) =>
        records.ReadAsync<IWritesDocuments, PmsDocumentCategory>(db, record, (w, c) => w.ReadDocumentCategoriesAsync(c), cancellationToken);

    /// <summary>The command carries the write without the file (<see cref="DocumentWritebackTarget"/> reads it when it sends), so listing commands never loads files.</summary>
    private static WritebackCommand Command(PatientDocument document, PmsPatientRecord record, DateTime practiceNow, DateTimeOffset now)
    {
        var reference = "DHD-" + document.Id.ToString("N")[..20].ToUpperInvariant();
        var description = document.Description.Length > 0
            ? $"{document.Description} (attached in DentalHub by {document.EnteredBy})"
            : $"{document.FileName} (attached in DentalHub by {document.EnteredBy})";
        var write = new PmsDocumentWrite(reference, record.PmsId, document.FileName, document.ContentType, [], document.CategoryId, description, practiceNow);
        // Apart from the patient's payments, logs and adjustments: a document waits for none of them.
        return WritebackCommand.Pending(document.PracticeId, record.ConnectionId, WritebackKinds.Document, document.Id, $"document:{document.PatientId}", reference, write, now);
    }
}
