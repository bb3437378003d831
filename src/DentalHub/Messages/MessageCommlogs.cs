using System.Text.Json;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Messages;

/// <summary>
/// Files each message sent to a patient on the patient's chart in the PMS as a communication log, when the
/// practice asks for it (Settings › Writeback): a commlog command committed with the message, sent once by the
/// writeback dispatcher. And says, per message, where its log is.
/// </summary>
public sealed class MessageCommlogs(ConnectorFactory connectors, AvailableConnectors available)
{
    /// <summary>
    /// What one send needs to log its messages, read once per send: whether the practice logs them, and each
    /// recipient's PMS record on a connection that can take communication logs.
    /// </summary>
    public async Task<CommlogPlan> PlanAsync(DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (settings?.LogMessagesInPms != true)
        {
            return CommlogPlan.Off;
        }
        var practice = await db.Practices.AsNoTracking().SingleAsync(cancellationToken);
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where patientIds.Contains(link.PatientId) && connection.Enabled
            orderby link.LinkedAt
            select new { link.PatientId, link.PmsId, connection }).ToListAsync(cancellationToken);
        var writable = links.Select(l => l.connection).DistinctBy(c => c.Id).Where(TakesCommlogs).Select(c => c.Id).ToHashSet();
        var records = links.Where(l => writable.Contains(l.connection.Id))
            .GroupBy(l => l.PatientId)
            .ToDictionary(g => g.Key, g => new PmsRecord(g.First().connection.Id, g.First().PmsId));
        return new CommlogPlan(practice.TimeZone, records);
    }

    /// <summary>Where each sent message's log is, in words, by message id; failed messages have none.</summary>
    public async Task<IReadOnlyDictionary<Guid, PmsLogState>> StatesAsync(DentalHubDb db, IReadOnlyList<MessageLog> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Where(m => m.Status == MessageStatus.Sent).Select(m => m.Id).ToList();
        var commands = await db.WritebackCommands.AsNoTracking()
            .Where(c => c.Kind == WritebackKinds.Commlog && ids.Contains(c.SubjectId))
            .ToDictionaryAsync(c => c.SubjectId, cancellationToken);
        var connectionIds = commands.Values.Select(c => c.ConnectionId).Distinct().ToList();
        var systems = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, SystemName);
        return messages.Where(m => m.Status == MessageStatus.Sent).ToDictionary(m => m.Id, m => commands.GetValueOrDefault(m.Id) is { } command
            ? PmsLogState.Of(command, systems.GetValueOrDefault(command.ConnectionId) ?? SystemNames.Fallback)
            : PmsLogState.WithoutCommand(m.PmsLogNote));
    }

    private bool TakesCommlogs(Connection connection)
    {
        try
        {
            return connectors.Create(connection) is IWritesCommlogs;
        }
        catch (ConnectorConfigurationException)
        {
            return false;
        }
    }

    private string SystemName(Connection connection)
    {
        var descriptor = available.Find(connection.ConnectorKey);
        try
        {
            return SystemNames.Of(connectors.Create(connection), descriptor);
        }
        catch (ConnectorConfigurationException)
        {
            return descriptor?.SystemName ?? SystemNames.Fallback;
        }
    }
}

/// <summary>A patient's record in the PMS that takes communication logs.</summary>
public sealed record PmsRecord(Guid ConnectionId, string PmsId);

/// <summary>One send's plan for logging its messages in the PMS (<see cref="MessageCommlogs.PlanAsync"/>).</summary>
public sealed class CommlogPlan(TimeZoneInfo? zone, IReadOnlyDictionary<Guid, PmsRecord> records)
{
    public static CommlogPlan Off { get; } = new(null, new Dictionary<Guid, PmsRecord>());

    public const string NotLinked = "the patient is not linked to a PMS record that takes communication logs.";

    /// <summary>
    /// The command that files <paramref name="message"/> (a sent e-mail) on its patient's chart, or null: logging is
    /// off, or the patient has no record to file it on, which the message then says.
    /// </summary>
    public WritebackCommand? For(MessageLog message, DateTimeOffset now)
    {
        if (zone is null)
        {
            return null;
        }
        if (records.GetValueOrDefault(message.PatientId) is not { } record)
        {
            message.PmsLogNote = NotLinked;
            return null;
        }
        var reference = "DHC-" + message.Id.ToString("N")[..20].ToUpperInvariant();
        var write = new PmsCommlogWrite(
            reference,
            record.PmsId,
            TimeZoneInfo.ConvertTime(message.At, zone).DateTime,
            CommlogMode.Email,
            CommlogDirection.Sent,
            $"E-mail \"{message.Subject}\" sent to {message.ToAddress} from DentalHub by {message.SentBy}.");
        return new WritebackCommand
        {
            PracticeId = message.PracticeId,
            ConnectionId = record.ConnectionId,
            Kind = WritebackKinds.Commlog,
            SubjectId = message.Id,
            // Apart from the patient's payments: a payment waiting for the daily batch does not hold a log back.
            OrderKey = $"commlog:{message.PatientId}",
            Reference = reference,
            PayloadJson = JsonSerializer.Serialize(write),
            State = WritebackState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
