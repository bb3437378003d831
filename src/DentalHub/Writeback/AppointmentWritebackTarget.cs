using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>An appointment booked, moved, confirmed or cancelled from DentalHub, written to the PMS's schedule.</summary>
public sealed class AppointmentWritebackTarget() : PatientWritebackTarget<IWritesAppointments, PmsAppointmentWrite>(new(
    Alerts.AlertKinds.AppointmentNotWritten, "An appointment was not written to the PMS",
    Alerts.AlertKinds.AppointmentNeedsReview, "An appointment needs review", AlertSubject.PatientAppointment))
{
    public override string Kind => WritebackKinds.Appointment;

    protected override Task<WriteOutcome> WriteAsync(IWritesAppointments writer, PmsAppointmentWrite payload, CancellationToken cancellationToken) =>
        writer.WriteAppointmentAsync(payload, cancellationToken);

    protected override Task<FindOutcome> FindAsync(IWritesAppointments writer, PmsAppointmentWrite payload, CancellationToken cancellationToken) =>
        writer.FindWrittenAppointmentAsync(payload, cancellationToken);

    protected override Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken) =>
        db.AppointmentChanges.AsNoTracking().Where(c => c.Id == subjectId).Select(c => (Guid?)c.PatientId).FirstOrDefaultAsync(cancellationToken);
}
