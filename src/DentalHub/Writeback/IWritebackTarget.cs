using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;

namespace DentalHub.Writeback;

/// <summary>
/// How one kind of command (<see cref="WritebackCommand.Kind"/>) is sent to a connector and found there
/// again. The dispatcher is generic; each kind (payments to the PMS, deposits to the books) is one target.
/// </summary>
public interface IWritebackTarget
{
    string Kind { get; }

    /// <summary>False when the connector cannot take this kind of write (the command is parked for a person).</summary>
    bool CanWrite(IConnector connector);

    Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken);

    /// <summary>Looks in the target for a write made earlier with the command's reference.</summary>
    Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken);

    /// <summary>The alert raised once when a command enters Rejected or NeedsReview, naming what was not written.</summary>
    Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken);

    /// <summary>Every kind <see cref="AlertForAsync"/> raises: they close once the write is in the target (written, found, or posted by hand).</summary>
    IReadOnlyList<string> AlertKinds { get; }

    /// <summary>
    /// True when later commands of the same order key depend on this kind (a booking on the new patient it is for): it goes
    /// first among commands made in the same instant, and while refused or parked it holds them back instead of letting them pass.
    /// </summary>
    bool HoldsItsOrderKey => false;

    /// <summary>What the hub records once the target has the write, in the transaction that confirms the command (a new patient's link).</summary>
    Task ConfirmedAsync(DentalHubDb db, WritebackCommand command, string targetId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

public sealed record WritebackAlert(string Kind, string Text, AlertSubject? Subject);
