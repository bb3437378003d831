using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Messages;

namespace DentalHub.Writeback;

/// <summary>A message sent to a patient, filed on the patient's chart in the PMS as a communication log.</summary>
public sealed class CommlogWritebackTarget : IWritebackTarget
{
    public string Kind => WritebackKinds.Commlog;

    public bool CanWrite(IConnector connector) => connector is IWritesCommlogs;

    public Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesCommlogs)connector).WriteCommlogAsync(Payload(command), cancellationToken);

    public Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesCommlogs)connector).FindWrittenCommlogAsync(Payload(command), cancellationToken);

    public WritebackAlert AlertFor(WritebackState state, string? error) => state == WritebackState.Rejected
        ? new(CommlogAlerts.NotLogged, $"A message was not logged in the PMS: {error} The patient's message history shows which one.")
        : new(CommlogAlerts.NeedsReview, $"A message's communication log needs review: {error}");

    private static PmsCommlogWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsCommlogWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no communication log payload.");
}
