using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>An appointment booked, moved, confirmed or cancelled from DentalHub, written to the PMS's schedule.</summary>
public sealed class AppointmentWritebackTarget : IWritebackTarget
{
    public string Kind => WritebackKinds.Appointment;

    public bool CanWrite(IConnector connector) => connector is IWritesAppointments;

    public Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesAppointments)connector).WriteAppointmentAsync(Payload(command), cancellationToken);

    public Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesAppointments)connector).FindWrittenAppointmentAsync(Payload(command), cancellationToken);

    public IReadOnlyList<string> AlertKinds { get; } = [Alerts.AlertKinds.AppointmentNotWritten, Alerts.AlertKinds.AppointmentNeedsReview, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var patientId = await db.AppointmentChanges.AsNoTracking().Where(c => c.Id == command.SubjectId).Select(c => (Guid?)c.PatientId).FirstOrDefaultAsync(cancellationToken);
        var subject = patientId is { } id ? AlertSubject.PatientAppointment(id) : null;
        return state == WritebackState.Rejected
            ? new(Alerts.AlertKinds.AppointmentNotWritten, $"An appointment was not written to the PMS: {error} The patient's profile shows which one.", subject)
            : new(Alerts.AlertKinds.AppointmentNeedsReview, $"An appointment needs review: {error}", subject);
    }

    public static PmsAppointmentWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsAppointmentWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no appointment payload.");
}
