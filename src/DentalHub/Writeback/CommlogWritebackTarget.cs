using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>A message sent to a patient or a staff note, filed on the patient's chart in the PMS as a communication log.</summary>
public sealed class CommlogWritebackTarget : IWritebackTarget
{
    public string Kind => WritebackKinds.Commlog;

    public bool CanWrite(IConnector connector) => connector is IWritesCommlogs;

    public Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesCommlogs)connector).WriteCommlogAsync(Payload(command), cancellationToken);

    public Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesCommlogs)connector).FindWrittenCommlogAsync(Payload(command), cancellationToken);

    public IReadOnlyList<string> AlertKinds { get; } = [Alerts.AlertKinds.CommlogNotLogged, Alerts.AlertKinds.CommlogNeedsReview, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var patientId = await db.MessageLogs.AsNoTracking().Where(m => m.Id == command.SubjectId).Select(m => (Guid?)m.PatientId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.PatientNotesSent.AsNoTracking().Where(n => n.Id == command.SubjectId).Select(n => (Guid?)n.PatientId).FirstOrDefaultAsync(cancellationToken);
        var subject = patientId is { } id ? AlertSubject.PatientLogs(id) : null;
        return state == WritebackState.Rejected
            ? new(Alerts.AlertKinds.CommlogNotLogged, $"A communication log was not filed in the PMS: {error} The patient's profile shows which one.", subject)
            : new(Alerts.AlertKinds.CommlogNeedsReview, $"A communication log needs review: {error}", subject);
    }

    private static PmsCommlogWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsCommlogWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no communication log payload.");
}
