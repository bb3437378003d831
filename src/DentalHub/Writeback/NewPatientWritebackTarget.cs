using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Patients;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// A profile the PMS does not have, added to it as a new patient before the booking made for it is sent (the subject is
/// the profile). Once the PMS has the patient, the profile is linked to them in the same transaction, so the booking
/// behind it is sent for that patient and the next sync updates the profile instead of adding a second one.
/// It names <see cref="IWritebackTarget"/> again so its own <see cref="HoldsItsOrderKey"/> and <see cref="ConfirmedAsync"/> are the ones used.
/// </summary>
public sealed class NewPatientWritebackTarget() : PatientWritebackTarget<IWritesNewPatients, PmsNewPatientWrite>(new(
    Alerts.AlertKinds.NewPatientNotAdded, "A new patient was not added to the PMS",
    Alerts.AlertKinds.NewPatientNeedsReview, "A new patient needs review", AlertSubject.PatientAppointment)), IWritebackTarget
{
    public override string Kind => WritebackKinds.NewPatient;

    /// <summary>The booking behind it needs the patient in the PMS: it waits while the patient is refused or parked.</summary>
    public bool HoldsItsOrderKey => true;

    public async Task ConfirmedAsync(DentalHubDb db, WritebackCommand command, string targetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Linked meanwhile (by staff, or a sync that saw the patient first): the link there is kept.
        if (await db.PatientLinks.AnyAsync(l => l.ConnectionId == command.ConnectionId && (l.PatientId == command.SubjectId || l.PmsId == targetId), cancellationToken)
            || !await db.Patients.AnyAsync(p => p.Id == command.SubjectId, cancellationToken))
        {
            return;
        }
        db.PatientLinks.Add(new PatientLink
        {
            PracticeId = command.PracticeId, ConnectionId = command.ConnectionId, PmsId = targetId, PatientId = command.SubjectId,
            LinkedAt = now, SyncedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override Task<WriteOutcome> WriteAsync(IWritesNewPatients writer, PmsNewPatientWrite payload, CancellationToken cancellationToken) =>
        writer.WriteNewPatientAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesNewPatients writer, PmsNewPatientWrite payload, CancellationToken cancellationToken) =>
        writer.FindWrittenNewPatientAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().Where(p => p.Id == subjectId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
}
