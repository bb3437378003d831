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
public sealed class MessageCommlogs(PmsCommlogs commlogs)
{
    /// <summary>What one send needs to log its messages, read once per send; null when the practice does not log them.</summary>
    public async Task<CommlogTargets?> PlanAsync(DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return settings?.LogMessagesInPms == true ? await commlogs.TargetsAsync(db, patientIds, cancellationToken) : null;
    }

    /// <summary>
    /// The command that files <paramref name="message"/> (a sent e-mail) on its patient's chart, or null: logging is off,
    /// or the patient has no record to file it on, which the message then says.
    /// </summary>
    public static WritebackCommand? For(CommlogTargets? plan, MessageLog message, DateTimeOffset now)
    {
        if (plan is null)
        {
            return null;
        }
        var command = plan.Command(message.PracticeId, message.Id, message.PatientId, message.At, CommlogMode.Email, CommlogDirection.Sent,
            $"E-mail \"{message.Subject}\" sent to {message.ToAddress} from DentalHub by {message.SentBy}.", now);
        if (command is null)
        {
            message.PmsLogNote = CommlogTargets.NotLinked;
        }
        return command;
    }

    /// <summary>Where each sent message's log is, in words, by message id; failed messages have none.</summary>
    public async Task<IReadOnlyDictionary<Guid, PmsLogState>> StatesAsync(DentalHubDb db, IReadOnlyList<MessageLog> messages, CancellationToken cancellationToken)
    {
        var sent = messages.Where(m => m.Status == MessageStatus.Sent).ToList();
        var logged = await commlogs.StatesAsync(db, sent.Select(m => m.Id).ToList(), cancellationToken);
        return sent.ToDictionary(m => m.Id, m => logged.GetValueOrDefault(m.Id) ?? PmsLogState.WithoutCommand(m.PmsLogNote));
    }
}
