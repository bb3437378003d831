using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Writeback;

/// <summary>
/// Communication logs on patients' charts in the PMS, whatever they record (a message sent, a staff note): which
/// PMS record of a patient takes them, the command that files one, and where each filed log is.
/// </summary>
public sealed class PmsCommlogs(ConnectionWrites writes)
{
    /// <summary>Each patient's PMS record on an enabled connection that can take communication logs, read once for many.</summary>
    public async Task<CommlogTargets> TargetsAsync(DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where patientIds.Contains(link.PatientId) && connection.Enabled
            orderby link.LinkedAt
            select new { link.PatientId, link.PmsId, connection }).ToListAsync(cancellationToken);
        var writable = links.Select(l => l.connection).DistinctBy(c => c.Id).Where(TakesCommlogs).ToDictionary(c => c.Id, SystemName);
        var records = links.Where(l => writable.ContainsKey(l.connection.Id))
            .GroupBy(l => l.PatientId)
            .ToDictionary(g => g.Key, g => new CommlogRecord(g.First().connection.Id, g.First().PmsId, writable[g.First().connection.Id]));
        return new CommlogTargets(practice.TimeZone, records);
    }

    /// <summary>Where the log of each subject (a message, a note sent) is, for the subjects that have a command.</summary>
    public async Task<IReadOnlyDictionary<Guid, PmsLogState>> StatesAsync(DentalHubDb db, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var commands = await db.WritebackCommands.AsNoTracking()
            .Where(c => c.Kind == WritebackKinds.Commlog && subjectIds.Contains(c.SubjectId))
            .ToListAsync(cancellationToken);
        var connectionIds = commands.Select(c => c.ConnectionId).Distinct().ToList();
        var systems = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, SystemName);
        return commands.ToDictionary(c => c.SubjectId, c => PmsLogState.Of(c, systems.GetValueOrDefault(c.ConnectionId) ?? SystemNames.Fallback));
    }

    private bool TakesCommlogs(Connection connection) => writes.Takes<IWritesCommlogs>(connection);

    private string SystemName(Connection connection) => writes.SystemName(connection);
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
        return new WritebackCommand
        {
            PracticeId = practiceId,
            ConnectionId = record.ConnectionId,
            Kind = WritebackKinds.Commlog,
            SubjectId = subjectId,
            // Apart from the patient's payments: a payment waiting for the daily batch does not hold a log back.
            OrderKey = $"commlog:{patientId}",
            Reference = reference,
            PayloadJson = JsonSerializer.Serialize(write),
            State = WritebackState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
