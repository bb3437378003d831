using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// An appointment booked, moved, confirmed or cancelled from DentalHub, written to the PMS's schedule. A booking for a
/// patient the PMS was adding (<see cref="NewPatientWritebackTarget"/>) carries no PMS patient: it takes the one the
/// profile is linked to when it is sent.
/// </summary>
public sealed class AppointmentWritebackTarget(DentalHubDbFactory databases) : PatientWritebackTarget<IWritesAppointments, PmsAppointmentWrite>(new(
    Alerts.AlertKinds.AppointmentNotWritten, "An appointment was not written to the PMS",
    Alerts.AlertKinds.AppointmentNeedsReview, "An appointment needs review", AlertSubject.PatientAppointment))
{
    public const string NotLinkedYet =
        "The patient this was booked for is not linked to a record in the PMS: link the profile to the patient there (added by hand), then Try again.";

    public override string Kind => WritebackKinds.Appointment;

    protected override Task<WriteOutcome> WriteAsync(IWritesAppointments writer, PmsAppointmentWrite payload, CancellationToken cancellationToken) =>
        payload.PmsPatientId.Length == 0
            ? Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(NotLinkedYet))
            : writer.WriteAppointmentAsync(payload, cancellationToken);

    // A booking that had no patient was never sent.
    protected override Task<FindOutcome> FindAsync(IWritesAppointments writer, PmsAppointmentWrite payload, CancellationToken cancellationToken) =>
        payload.PmsPatientId.Length == 0
            ? Task.FromResult<FindOutcome>(new FindOutcome.NotFound())
            : writer.FindWrittenAppointmentAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.AppointmentChanges.AsNoTracking().Where(c => c.Id == subjectId).Select(c => (Guid?)c.PatientId).FirstOrDefaultAsync(cancellationToken);

    protected override Task<PmsAppointmentWrite> PayloadToSendAsync(WritebackCommand command, CancellationToken cancellationToken) =>
        WithPatientAsync(command, cancellationToken);

    protected override Task<PmsAppointmentWrite> PayloadToFindAsync(WritebackCommand command, CancellationToken cancellationToken) =>
        WithPatientAsync(command, cancellationToken);

    private async Task<PmsAppointmentWrite> WithPatientAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        var payload = Payload(command);
        if (payload.PmsPatientId.Length > 0)
        {
            return payload;
        }
        // No tenant here (the dispatcher knows the practice, not its organization): the command's own practice is checked instead.
        await using var db = databases.CreateWithoutTenant();
        var pmsId = await (
            from change in db.AppointmentChanges.IgnoreQueryFilters()
            join link in db.PatientLinks.IgnoreQueryFilters() on change.PatientId equals link.PatientId
            where change.Id == command.SubjectId && change.PracticeId == command.PracticeId
                && link.PracticeId == command.PracticeId && link.ConnectionId == command.ConnectionId
            select link.PmsId).FirstOrDefaultAsync(cancellationToken);
        return payload with { PmsPatientId = pmsId ?? "" };
    }
}
