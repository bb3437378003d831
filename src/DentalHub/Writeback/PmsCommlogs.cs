using DentalHub.Connectors.Contract;
using DentalHub.Data;

namespace DentalHub.Writeback;

/// <summary>
/// Communication logs on patients' charts in the PMS, whatever they record (a message sent, a staff note): which
/// PMS record of a patient takes them, the command that files one, and where each filed log is.
/// </summary>
public sealed class PmsCommlogs(PmsRecords records)
{
    /// <summary>Each patient's PMS record on an enabled connection that can take communication logs, read once for many.</summary>
    public async Task<CommlogTargets> TargetsAsync(DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var (zone, writable) = await records.WritableAsync<IWritesCommlogs>(db, patientIds, cancellationToken);
        return new CommlogTargets(zone, writable.ToDictionary(r => r.Key, r => new CommlogRecord(r.Value.ConnectionId, r.Value.PmsId, r.Value.SystemName)));
    }

    /// <summary>Where the log of each subject (a message, a note sent) is, for the subjects that have a command.</summary>
    public async Task<IReadOnlyDictionary<Guid, PmsLogState>> StatesAsync(DentalHubDb db, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken) =>
        (await records.CommandsAsync(db, WritebackKinds.Commlog, subjectIds, cancellationToken))
            .ToDictionary(c => c.Key, c => PmsLogState.Of(c.Value.Command, c.Value.System));
}

/// <summary>A patient's record in the PMS that takes communication logs, and how that PMS is named to staff.</summary>
public sealed record CommlogRecord(Guid ConnectionId, string PmsId, string SystemName);

/// <summary>Where the logs of some patients go (<see cref="PmsCommlogs.TargetsAsync"/>).</summary>
public sealed class CommlogTargets(TimeZoneInfo zone, IReadOnlyDictionary<Guid, CommlogRecord> records)
{
    public const string NotLinked = "the patient is not linked to a PMS record that takes communication logs.";

    public CommlogRecord? Of(Guid patientId) => records.GetValueOrDefault(patientId);

    /// <summary>
    /// The command that files a log about <paramref name="subjectId"/> on the patient's chart, or null when the patient has
    /// no record that takes logs. <paramref name="at"/> is written as the practice's wall clock, as the PMS keeps time.
    /// </summary>
    public WritebackCommand? Command(
        Guid practiceId, Guid subjectId, Guid patientId, DateTimeOffset at, CommlogMode mode, CommlogDirection direction, string note, DateTimeOffset now)
    {
        if (Of(patientId) is not { } record)
        {
            return null;
        }
        var reference = "DHC-" + subjectId.ToString("N")[..20].ToUpperInvariant();
        var write = new PmsCommlogWrite(reference, record.PmsId, TimeZoneInfo.ConvertTime(at, zone).DateTime, mode, direction, note);
        // Apart from the patient's payments: a payment waiting for the daily batch does not hold a log back.
        return PmsRecords.Command(practiceId, record.ConnectionId, WritebackKinds.Commlog, subjectId, $"commlog:{patientId}", reference, write, now);
    }
}
