using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>A patient's insurance claim marked sent, received, waiting or on hold in DentalHub, written to the PMS.</summary>
public sealed class ClaimUpdateWritebackTarget() : PatientWritebackTarget<IWritesClaimUpdates, PmsClaimUpdate>(new(
    Alerts.AlertKinds.ClaimNotUpdated, "A claim was not updated in the PMS",
    Alerts.AlertKinds.ClaimUpdateNeedsReview, "A claim update needs review", AlertSubject.PatientClaim))
{
    public override string Kind => WritebackKinds.ClaimUpdate;

    protected override Task<WriteOutcome> WriteAsync(IWritesClaimUpdates writer, PmsClaimUpdate payload, CancellationToken cancellationToken) =>
        writer.WriteClaimUpdateAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesClaimUpdates writer, PmsClaimUpdate payload, CancellationToken cancellationToken) =>
        writer.FindWrittenClaimUpdateAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.ClaimUpdates.AsNoTracking().Where(u => u.Id == subjectId).Select(u => (Guid?)u.PatientId).FirstOrDefaultAsync(cancellationToken);
}
