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
}

public sealed record WritebackAlert(string Kind, string Text, AlertSubject? Subject);
