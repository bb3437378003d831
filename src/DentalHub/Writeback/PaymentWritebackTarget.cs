using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// A patient's payment, recorded in the PMS ledger. A payment still missing what its write depends on when its
/// wait ran out is refused here, before anything is sent: a guessed amount or payment type is never written.
/// </summary>
public sealed class PaymentWritebackTarget(DentalHubDbFactory databases) : IWritebackTarget
{
    public string Kind => WritebackKinds.Payment;

    public bool CanWrite(IConnector connector) => connector is IWritesPayments;

    public async Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        await MissingDetailsAsync(command, cancellationToken) is { } missing
            ? new WriteOutcome.Refused(
                $"The card processor has not reported {missing}, so DentalHub did not record it: the amount or payment type could be wrong. "
                + "It is recorded as soon as the processor reports it; or check it with the processor and post it by hand.")
            : await ((IWritesPayments)connector).WritePaymentAsync(Payload(command), cancellationToken);

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

    private async Task<string?> MissingDetailsAsync(WritebackCommand command, CancellationToken cancellationToken)
    {
        // Read as the dispatcher reads its commands: across practices, by the command's own practice.
        await using var db = databases.CreateWithoutTenant();
        var payment = await db.Payments.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == command.SubjectId && p.PracticeId == command.PracticeId, cancellationToken);
        if (payment is null || (payment.SourceKnown && payment.FeeKnown))
        {
            return null;
        }
        var settings = await db.WritebackSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.PracticeId == command.PracticeId, cancellationToken)
            ?? new WritebackSettings { PracticeId = command.PracticeId };
        return PaymentWritebackPlanner.MissingDetails(payment, settings);
    }

    private static PmsPaymentWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<PmsPaymentWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no payment payload.");
}
