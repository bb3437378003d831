using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>An adjustment entered in DentalHub, posted to the patient's account in the PMS.</summary>
public sealed class AdjustmentWritebackTarget() : PatientWritebackTarget<IWritesAdjustments, PmsAdjustmentWrite>(new(
    Alerts.AlertKinds.AdjustmentNotRecorded, "An adjustment was not recorded in the PMS",
    Alerts.AlertKinds.AdjustmentNeedsReview, "An adjustment needs review", AlertSubject.PatientAdjustment))
{
    public override string Kind => WritebackKinds.Adjustment;

    protected override Task<WriteOutcome> WriteAsync(IWritesAdjustments writer, PmsAdjustmentWrite payload, CancellationToken cancellationToken) =>
        writer.WriteAdjustmentAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesAdjustments writer, PmsAdjustmentWrite payload, CancellationToken cancellationToken) =>
        writer.FindWrittenAdjustmentAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.PatientAdjustments.AsNoTracking().Where(a => a.Id == subjectId).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(cancellationToken);
}
