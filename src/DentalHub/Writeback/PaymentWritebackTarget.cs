using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;

namespace DentalHub.Writeback;

/// <summary>A patient's payment, recorded in the PMS ledger.</summary>
public sealed class PaymentWritebackTarget : IWritebackTarget
{
    public string Kind => WritebackKinds.Payment;

    public bool CanWrite(IConnector connector) => connector is IWritesPayments;

    public Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesPayments)connector).WritePaymentAsync(Payload(command), cancellationToken);

    public Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        ((IWritesPayments)connector).FindWrittenPaymentAsync(Payload(command), cancellationToken);

    public WritebackAlert AlertFor(WritebackState state, string? error) => state == WritebackState.Rejected
        ? new(AlertKinds.PaymentNotRecorded, $"A payment was not recorded in the PMS: {error} Open Payments to retry it or mark it posted by hand.")
        : new(AlertKinds.PaymentNeedsReview, $"A payment needs review: {error}");

    private static PmsPaymentWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsPaymentWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no payment payload.");
}
