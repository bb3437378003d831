using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

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

    public IReadOnlyList<string> AlertKinds { get; } = [Alerts.AlertKinds.PaymentNotRecorded, Alerts.AlertKinds.PaymentNeedsReview, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.SubjectId, cancellationToken);
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == command.PracticeId, cancellationToken);
        var subject = payment is null ? null : AlertSubject.Payment(payment, practice.TimeZone);
        return state == WritebackState.Rejected
            ? new(Alerts.AlertKinds.PaymentNotRecorded, $"A payment was not recorded in the PMS: {error} Open the payment to retry it or mark it posted by hand.", subject)
            : new(Alerts.AlertKinds.PaymentNeedsReview, $"A payment needs review: {error}", subject);
    }

    private static PmsPaymentWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsPaymentWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no payment payload.");
}
