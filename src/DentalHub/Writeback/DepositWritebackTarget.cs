using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payouts;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// A payout's deposit, written to the books. Before each send the mapped accounts are checked (a stale
/// mapping holds every payout of the connection behind one connection alert); after a write, and after a
/// write found again, the deposit is read back and its total compared with the payout's net.
/// </summary>
public sealed class DepositWritebackTarget(PayoutPosting posting) : IWritebackTarget
{
    public string Kind => WritebackKinds.Deposit;

    public bool CanWrite(IConnector connector) => connector is IWritesDeposits;

    public async Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken)
    {
        var deposit = Payload(command);
        var books = (IWritesDeposits)connector;
        if (await posting.RefusalBeforeSendAsync(command, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await posting.CheckAccountsAsync(connector, command, deposit, cancellationToken) is { } accountsProblem)
        {
            return accountsProblem;
        }
        if (await posting.IsReplanAsync(command, cancellationToken)
            && await books.FindWrittenDepositAsync(deposit, cancellationToken) is FindOutcome.Found earlier)
        {
            // An earlier version of this payout's deposit is in the books already: never a second one.
            await posting.PostedAsync(books, command, earlier.TargetId, cancellationToken);
            return new WriteOutcome.Written(earlier.TargetId);
        }
        var outcome = await books.WriteDepositAsync(deposit, cancellationToken);
        await posting.RecordOutcomeAsync(books, command, outcome, cancellationToken);
        return outcome;
    }

    public async Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken)
    {
        var books = (IWritesDeposits)connector;
        var found = await books.FindWrittenDepositAsync(Payload(command), cancellationToken);
        if (found is FindOutcome.Found hit)
        {
            await posting.PostedAsync(books, command, hit.TargetId, cancellationToken);
        }
        return found;
    }

    public IReadOnlyList<string> AlertKinds { get; } = [PayoutAlerts.NotPosted, PayoutAlerts.NeedsReview, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var payout = await db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.SubjectId, cancellationToken);
        var subject = payout is null ? null : AlertSubject.Payout(payout);
        return state == WritebackState.Rejected
            ? new(PayoutAlerts.NotPosted, $"A payout was not posted to QuickBooks: {error} Open the payout to see every error, fix it and retry.", subject)
            : new(PayoutAlerts.NeedsReview, $"A payout's deposit needs review: {error} Open the payout; check QuickBooks for it before retrying.", subject);
    }

    public static DepositWrite Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<DepositWrite>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no deposit payload.");
}
