using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// A document attached in DentalHub, sent to the patient's chart in the PMS. Its command carries no file (the
/// dispatcher lists commands; files are megabytes): the file is read from the document when the write is sent.
/// </summary>
public sealed class DocumentWritebackTarget(DentalHubDbFactory databases) : PatientWritebackTarget<IWritesDocuments, PmsDocumentWrite>(new(
    Alerts.AlertKinds.DocumentNotRecorded, "A document was not recorded in the PMS",
    Alerts.AlertKinds.DocumentNeedsReview, "A document needs review", AlertSubject.PatientDocument))
{
    public override string Kind => WritebackKinds.Document;

    protected override Task<WriteOutcome> WriteAsync(IWritesDocuments writer, PmsDocumentWrite payload, CancellationToken cancellationToken) =>
        writer.WriteDocumentAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesDocuments writer, PmsDocumentWrite payload, CancellationToken cancellationToken) =>
        writer.FindWrittenDocumentAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.PatientDocuments.AsNoTracking().Where(d => d.Id == subjectId).Select(d => (Guid?)d.PatientId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The command's write with the document's file; a document that is gone sends an empty file, which the writer refuses.</summary>
    protected override async Task<PmsDocumentWrite> PayloadToSendAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        // No tenant here (the dispatcher knows the practice, not its organization): the command's own practice is checked instead.
        await using var db = databases.CreateWithoutTenant();
        var content = await db.PatientDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == command.SubjectId && d.PracticeId == command.PracticeId)
            .Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
        return Payload(command) with { Content = content ?? [] };
    }
}
