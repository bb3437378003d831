using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DentalHub.Messages;

/// <summary>How a send went: how many were sent, skipped (no e-mail address, opted out) and failed; Error when nothing could be sent.</summary>
public sealed record SendResult(int Sent, int SkippedNoEmail, int SkippedOptedOut, int Failed, string? Error = null)
{
    public string Summary => Error ?? $"Sent {Sent:N0}" + (SkippedNoEmail > 0 ? $" · {SkippedNoEmail:N0} without an e-mail address" : "")
        + (SkippedOptedOut > 0 ? $" · {SkippedOptedOut:N0} opted out" : "") + (Failed > 0 ? $" · {Failed:N0} failed (see their profiles)" : "") + ".";
}

/// <param name="PmsLog">Where the message's communication log is in the PMS; null for a message that was not sent.</param>
public sealed record MessageLine(DateTimeOffset At, string Subject, string ToAddress, MessageStatus Status, string? Error, string SentBy, Writeback.PmsLogState? PmsLog);

/// <summary>
/// Sends a template to one patient or to everyone with a tag over the organization's SMTP server
/// (MailKit), one connection per send. Patients without an e-mail address or who opted out are skipped.
/// Each message is a <see cref="MessageLog"/> row, committed with the command that files it in the PMS when the
/// practice logs messages there (<see cref="MessageCommlogs"/>); the audit entry names the template and counts, never a patient's data.
/// </summary>
public sealed class MessageSender(
    DentalHubDbFactory databases, SmtpSettingsService smtp, MessageCommlogs commlogs, Writeback.WritebackSignal writeback, AuditLog audit, TimeProvider time, ILogger<MessageSender> logger)
{
    private sealed record Recipient(Guid Id, string FirstName, string? Email, bool OptedOut, long Balance);

    public Task<SendResult> SendToPatientAsync(TenantScope tenant, AuditActor actor, Guid templateId, Guid patientId, CancellationToken cancellationToken) =>
        SendAsync(tenant, actor, templateId, db => db.Patients.Where(p => p.Id == patientId), patientId, cancellationToken);

    public Task<SendResult> SendToTagAsync(TenantScope tenant, AuditActor actor, Guid templateId, Guid tagId, CancellationToken cancellationToken) =>
        SendAsync(tenant, actor, templateId, db => db.Patients.Where(p => db.PatientTags.Any(t => t.TagId == tagId && t.PatientId == p.Id)), null, cancellationToken);

    public async Task<IReadOnlyList<MessageLine>> HistoryAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var messages = await db.MessageLogs.AsNoTracking().Where(m => m.PatientId == patientId).OrderByDescending(m => m.At).Take(take).ToListAsync(cancellationToken);
        var logs = await commlogs.StatesAsync(db, messages, cancellationToken);
        return messages.Select(m => new MessageLine(m.At, m.Subject, m.ToAddress, m.Status, m.Error, m.SentBy, logs.GetValueOrDefault(m.Id))).ToList();
    }

    /// <summary>Records the patient's choice about e-mail; hub-owned, so sync never undoes it.</summary>
    public async Task SetOptOutAsync(TenantScope tenant, AuditActor actor, Guid patientId, bool optedOut, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(p => p.SetProperty(x => x.EmailOptOut, optedOut), cancellationToken) > 0)
        {
            await audit.RecordAsync(tenant, actor, MessageAuditActions.ConsentChanged, optedOut ? "E-mail opt-out recorded" : "E-mail opt-out withdrawn", patientId, cancellationToken);
        }
    }

    private async Task<SendResult> SendAsync(TenantScope tenant, AuditActor actor, Guid templateId, Func<DentalHubDb, IQueryable<Patients.Patient>> who, Guid? patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return new SendResult(0, 0, 0, 0, "Pick one of the practice's templates.");
        }
        if (await smtp.LoadForSendingAsync(db, cancellationToken) is not { } server)
        {
            return new SendResult(0, 0, 0, 0, "Set up the mail server first (Messages page, by an Owner or Admin).");
        }
        var recipients = await who(db).AsNoTracking()
            .Select(p => new Recipient(p.Id, p.PreferredName ?? p.FirstName, p.Email, p.EmailOptOut,
                db.PointsBalances.Where(b => b.PatientId == p.Id).Select(b => b.Balance).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var noEmail = recipients.Count(r => string.IsNullOrWhiteSpace(r.Email) || !MailboxAddress.TryParse(r.Email, out _));
        var optedOut = recipients.Count(r => r.OptedOut && !string.IsNullOrWhiteSpace(r.Email));
        var sendable = recipients.Where(r => !r.OptedOut && !string.IsNullOrWhiteSpace(r.Email) && MailboxAddress.TryParse(r.Email, out _)).ToList();
        if (sendable.Count == 0)
        {
            return new SendResult(0, noEmail, optedOut, 0, recipients.Count == 0 ? "No patient to send to." : null);
        }
        var logging = await commlogs.PlanAsync(db, sendable.Select(r => r.Id).ToList(), cancellationToken);
        var (sent, failed) = await DeliverAsync(db, server.Settings, server.Password, template, sendable, actor, logging, cancellationToken);
        audit.Add(db, actor, MessageAuditActions.Sent, $"Template '{template.Name}': {sent} sent, {failed} failed", patientId);
        // The messages and the commands that log them in the PMS commit together: a log is never lost or made twice.
        await db.SaveChangesAsync(CancellationToken.None);
        if (db.ChangeTracker.Entries<Writeback.WritebackCommand>().Any())
        {
            writeback.Wake();
        }
        return new SendResult(sent, noEmail, optedOut, failed);
    }

    private async Task<(int Sent, int Failed)> DeliverAsync(
        DentalHubDb db, SmtpSettings server, string? password, MessageTemplate template, List<Recipient> recipients, AuditActor actor, Writeback.CommlogTargets? logging, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        using var client = new SmtpClient { Timeout = 30_000 };
        string? connectError = null;
        try
        {
            await SmtpConnection.ConnectAsync(client, server, password, cancellationToken);
        }
        catch (Exception e) when (SmtpConnection.IsServerProblem(e))
        {
            logger.LogWarning("Could not reach the mail server of organization {OrganizationId}: {ExceptionType}", server.OrganizationId, e.GetType().Name);
            connectError = e is AuthenticationException ? "The mail server refused the user name or password." : "Could not reach the mail server.";
        }
        foreach (var r in recipients)
        {
            var (subject, html) = MessageTemplates.Render(template.Subject, template.Body, r.FirstName, r.Balance);
            var error = connectError;
            if (error is null)
            {
                try
                {
                    await client.SendAsync(SmtpConnection.Compose(server, r.Email!, subject, html), cancellationToken);
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
                {
                    logger.LogWarning("A message of template {TemplateId} was refused: {ExceptionType}", template.Id, e.GetType().Name);
                    error = e is SmtpCommandException command ? $"Refused by the mail server ({(int)command.StatusCode})." : "The mail server connection failed.";
                }
            }
            _ = error is null ? sent++ : failed++;
            var now = time.GetUtcNow();
            var message = new MessageLog
            {
                PracticeId = db.Tenant.PracticeId!.Value, PatientId = r.Id, TemplateId = template.Id, ToAddress = r.Email!.Trim(), Subject = subject,
                Status = error is null ? MessageStatus.Sent : MessageStatus.Failed, Error = error, SentBy = actor.Name, At = now,
            };
            db.MessageLogs.Add(message);
            if (error is null && MessageCommlogs.For(logging, message, now) is { } log)
            {
                db.WritebackCommands.Add(log);
            }
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return (sent, failed);
    }
}
