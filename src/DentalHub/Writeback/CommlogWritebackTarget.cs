using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>A message sent to a patient or a staff note, filed on the patient's chart in the PMS as a communication log.</summary>
public sealed class CommlogWritebackTarget() : PatientWritebackTarget<IWritesCommlogs, PmsCommlogWrite>(new(
    Alerts.AlertKinds.CommlogNotLogged, "A communication log was not filed in the PMS",
    Alerts.AlertKinds.CommlogNeedsReview, "A communication log needs review", AlertSubject.PatientLogs))
{
    public override string Kind => WritebackKinds.Commlog;

    protected override Task<WriteOutcome> WriteAsync(IWritesCommlogs writer, PmsCommlogWrite payload, CancellationToken cancellationToken) =>
        writer.WriteCommlogAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesCommlogs writer, PmsCommlogWrite payload, CancellationToken cancellationToken) =>
        writer.FindWrittenCommlogAsync(payload, cancellationToken);

    protected override async Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        await db.MessageLogs.AsNoTracking().Where(m => m.Id == subjectId).Select(m => (Guid?)m.PatientId).FirstOrDefaultAsync(cancellationToken)
        ?? await db.PatientNotesSent.AsNoTracking().Where(n => n.Id == subjectId).Select(n => (Guid?)n.PatientId).FirstOrDefaultAsync(cancellationToken);
}
