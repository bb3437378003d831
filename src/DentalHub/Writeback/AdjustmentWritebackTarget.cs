using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>An adjustment entered in DentalHub, posted to the patient's account in the PMS.</summary>
public sealed class AdjustmentWritebackTarget : IWritebackTarget
{
    public string Kind => WritebackKinds.Adjustment;

    public bool CanWrite(IConnector connector) => connector is IWritesAdjustments;

    public Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesAdjustments)connector).WriteAdjustmentAsync(Payload(command), cancellationToken);

    public Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesAdjustments)connector).FindWrittenAdjustmentAsync(Payload(command), cancellationToken);

    public IReadOnlyList<string> AlertKinds { get; } = [Alerts.AlertKinds.AdjustmentNotRecorded, Alerts.AlertKinds.AdjustmentNeedsReview, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var patientId = await db.PatientAdjustments.AsNoTracking().Where(a => a.Id == command.SubjectId).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(cancellationToken);
        var subject = patientId is { } id ? AlertSubject.PatientAdjustment(id) : null;
        return state == WritebackState.Rejected
            ? new(Alerts.AlertKinds.AdjustmentNotRecorded, $"An adjustment was not recorded in the PMS: {error} The patient's profile shows which one.", subject)
            : new(Alerts.AlertKinds.AdjustmentNeedsReview, $"An adjustment needs review: {error}", subject);
    }

    private static PmsAdjustmentWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsAdjustmentWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no adjustment payload.");
}
