using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;

namespace DentalHub.Writeback;

/// <summary>
/// What every write about one patient to a PMS shares (a communication log, an adjustment, an appointment, a
/// document): the connector capability that takes it, the payload in the command, and the alert that names and links
/// the patient's profile without patient data. A kind says how to call its writer and whose profile a subject is on.
/// </summary>
public abstract class PatientWritebackTarget<TWriter, TPayload>(PatientWriteAlerts alerts) : IWritebackTarget
    where TWriter : class
    where TPayload : class
{
    public abstract string Kind { get; }

    public bool CanWrite(IConnector connector) => connector is TWriter;

    public async Task<WriteOutcome> WriteAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        await WriteAsync((TWriter)connector, await PayloadToSendAsync(command, cancellationToken), cancellationToken);

    public async Task<FindOutcome> FindAsync(IConnector connector, WritebackCommand command, CancellationToken cancellationToken) =>
        await FindAsync((TWriter)connector, await PayloadToFindAsync(command, cancellationToken), cancellationToken);

    /// <summary>The payload a read-back looks for: the command's, unless a kind completes it when it is sent (a booking's new patient).</summary>
    protected virtual Task<TPayload> PayloadToFindAsync(WritebackCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(Payload(command));

    /// <summary>The payload a write sends: the command's, unless a kind keeps part of it elsewhere (a document's file).</summary>
    protected virtual Task<TPayload> PayloadToSendAsync(WritebackCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(Payload(command));

    public IReadOnlyList<string> AlertKinds { get; } = [alerts.NotWrittenKind, alerts.NeedsReviewKind, Alerts.AlertKinds.WriteNeedsReview];

    public async Task<WritebackAlert> AlertForAsync(DentalHubDb db, WritebackCommand command, WritebackState state, string? error, CancellationToken cancellationToken)
    {
        var subject = await PatientOfAsync(db, command.SubjectId, cancellationToken) is { } patientId ? alerts.Subject(patientId) : null;
        return state == WritebackState.Rejected
            ? new(alerts.NotWrittenKind, $"{alerts.NotWritten}: {error} The patient's profile shows which one.", subject)
            : new(alerts.NeedsReviewKind, $"{alerts.NeedsReview}: {error}", subject);
    }

    protected abstract Task<WriteOutcome> WriteAsync(TWriter writer, TPayload payload, CancellationToken cancellationToken);

    protected abstract Task<FindOutcome> FindAsync(TWriter writer, TPayload payload, CancellationToken cancellationToken);

    /// <summary>The patient whose profile shows the command's subject, or null when the subject is gone.</summary>
    protected abstract Task<Guid?> PatientOfAsync(DentalHubDb db, Guid subjectId, CancellationToken cancellationToken);

    public static TPayload Payload(WritebackCommand command) =>
        JsonSerializer.Deserialize<TPayload>(command.PayloadJson)
        ?? throw new InvalidOperationException($"Writeback command {command.Id} has no {typeof(TPayload).Name} payload.");
}

/// <summary>The two alerts of a kind of patient write and the words they start with ("An adjustment was not recorded in the PMS").</summary>
public sealed record PatientWriteAlerts(string NotWrittenKind, string NotWritten, string NeedsReviewKind, string NeedsReview, Func<Guid, AlertSubject> Subject);
