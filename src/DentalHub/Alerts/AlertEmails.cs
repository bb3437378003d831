using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Messages;
using DentalHub.Tenancy;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Alerts;

/// <summary>
/// E-mails each open alert to the practice's Owners and Admins over the organization's mail server
/// (the one the Messages page sets up), once per person: every address that reached the server is
/// stored (<see cref="AlertEmailReceipt"/>) before the next is sent, so a later sweep, a restart or a
/// retry never sends it to that address again. A failed send is tried again later, with a growing pause.
/// Without a mail server the alert stays in the app only and is sent once one is set up. An alert waits
/// <see cref="AlertEmailPolicy.Delay"/> before its turn, and one closed before then (its cause resolved, or
/// dismissed) is not sent.
/// The e-mail names what the alert is about and links its page, with the practice's name, nothing about a patient.
/// </summary>
public sealed class AlertEmails(DentalHubDbFactory databases, SmtpSettingsService smtp, Hosting.HubAddress hub, AlertEmailPolicy policy, TimeProvider time, ILogger<AlertEmails> logger)
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(2);

    private sealed record PendingAlert(Guid Id, Guid OrganizationId, Guid PracticeId, string PracticeName, string Kind, string Text, string? SubjectName, string? Link, int Attempts);

    /// <summary>Sends what is due; returns how many e-mails reached the mail server.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raisedBy = now - policy.Delay;
        List<PendingAlert> pending;
        await using (var db = databases.CreateWithoutTenant())
        {
            // Runs for every practice: alerts are read across tenants here, then sent per practice.
            pending = await (
                from alert in db.Alerts.IgnoreQueryFilters()
                join practice in db.Practices.IgnoreQueryFilters() on alert.PracticeId equals practice.Id
                where alert.EmailedAt == null && alert.AcknowledgedAt == null && alert.EmailAttempts < MaxAttempts && alert.CreatedAt <= raisedBy
                    && (alert.EmailNextAttemptAt == null || alert.EmailNextAttemptAt <= now)
                    && db.SmtpSettings.IgnoreQueryFilters().Any(s => s.OrganizationId == practice.OrganizationId)
                orderby alert.CreatedAt
                select new PendingAlert(alert.Id, practice.OrganizationId, practice.Id, practice.Name, alert.Kind, alert.Text, alert.SubjectName, alert.Link, alert.EmailAttempts))
                .ToListAsync(cancellationToken);
        }
        var sent = 0;
        foreach (var practice in pending.GroupBy(a => (a.OrganizationId, a.PracticeId)))
        {
            sent += await DeliverAsync(TenantScope.ForPractice(practice.Key.OrganizationId, practice.Key.PracticeId), [.. practice], cancellationToken);
        }
        return sent;
    }

    /// <summary>Whether alerts of this practice go out by e-mail (the organization has a mail server).</summary>
    public async Task<bool> IsSetUpAsync(TenantScope tenant, CancellationToken cancellationToken) =>
        await smtp.GetAsync(tenant, cancellationToken) is not null;

    private async Task<int> DeliverAsync(TenantScope tenant, List<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (await smtp.LoadForSendingAsync(db, cancellationToken) is not { } server)
        {
            return 0;
        }
        var recipients = await RecipientsAsync(db, tenant.PracticeId!.Value, cancellationToken);
        using var client = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        try
        {
            await SmtpConnection.ConnectAsync(client, server.Settings, server.Password, cancellationToken);
            foreach (var alert in alerts)
            {
                sent += await SendAsync(db, client, server.Settings, alert, recipients, cancellationToken);
            }
        }
        catch (Exception e) when (SmtpConnection.IsServerProblem(e))
        {
            logger.LogWarning("Alert e-mail of practice {PracticeId} could not be sent: {ExceptionType}", tenant.PracticeId, e.GetType().Name);
            await PostponeAsync(db, alerts, cancellationToken);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        return sent;
    }

    private async Task<int> SendAsync(DentalHubDb db, SmtpClient client, SmtpSettings server, PendingAlert alert, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var done = await db.AlertEmailReceipts.Where(r => r.AlertId == alert.Id).Select(r => r.Address).ToListAsync(cancellationToken);
        var sent = 0;
        var refused = 0;
        foreach (var address in recipients.Except(done, StringComparer.OrdinalIgnoreCase))
        {
            // Read again before each send: the cause may have been resolved since this sweep began.
            if (!await db.Alerts.AnyAsync(a => a.Id == alert.Id && a.AcknowledgedAt == null, cancellationToken))
            {
                return sent;
            }
            var (subject, html, text) = Content(alert);
            try
            {
                await client.SendAsync(SmtpConnection.Compose(server, address, subject, html, text), cancellationToken);
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                // One address the server will not take must not keep the others from hearing.
                logger.LogWarning("The mail server refused an alert recipient of practice {PracticeId} ({StatusCode})", alert.PracticeId, (int)e.StatusCode);
                refused++;
                continue;
            }
            // Stored before the next send: from here on this address is never sent this alert again.
            db.AlertEmailReceipts.Add(new AlertEmailReceipt { PracticeId = alert.PracticeId, AlertId = alert.Id, Address = address, SentAt = time.GetUtcNow() });
            await db.SaveChangesAsync(CancellationToken.None);
            sent++;
        }
        if (refused > 0)
        {
            await PostponeAsync(db, [alert], cancellationToken);
        }
        else
        {
            await db.Alerts.Where(a => a.Id == alert.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailedAt, time.GetUtcNow()).SetProperty(a => a.EmailAttempts, alert.Attempts + 1), CancellationToken.None);
        }
        return sent;
    }

    private async Task PostponeAsync(DentalHubDb db, List<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts.Where(a => !cancellationToken.IsCancellationRequested))
        {
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(alert.Attempts, 16)));
            await db.Alerts.Where(a => a.Id == alert.Id && a.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailAttempts, alert.Attempts + 1).SetProperty(a => a.EmailNextAttemptAt, time.GetUtcNow() + delay), CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<string>> RecipientsAsync(DentalHubDb db, Guid practiceId, CancellationToken cancellationToken)
    {
        var addresses = await (
            from membership in db.Memberships
            join user in db.Users on membership.UserId equals user.Id
            where membership.PracticeId == practiceId && (membership.Role == PracticeRole.Owner || membership.Role == PracticeRole.Admin) && user.Email != null
            select user.Email!).ToListAsync(cancellationToken);
        return addresses.Select(a => a.Trim()).Where(a => MimeKit.MailboxAddress.TryParse(a, out _)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }

    private (string Subject, string Html, string Text) Content(PendingAlert alert)
    {
        var subject = $"DentalHub · {alert.PracticeName}: {AlertHeadlines.Of(alert.Kind)}";
        var about = alert.SubjectName is null ? "" : alert.SubjectName + "\n";
        var link = alert.Link is null ? null : hub.Of(alert.Link);
        var open = link is null
            ? "Open DentalHub to act on it"
            : hub.PublicUrl is null ? $"Open DentalHub and go to {link}" : $"Open it: {link}";
        var text = $"{about}{alert.Text}\n\n{open}. It stays on the dashboard until it is resolved or someone dismisses it.\n\nYou receive this as an Owner or Admin of {alert.PracticeName}.";
        var html = (alert.SubjectName is null ? "" : $"<p><b>{Encode(alert.SubjectName)}</b></p>")
            + $"<p>{Encode(alert.Text)}</p>"
            + (link is not null && hub.PublicUrl is not null
                ? $"<p><a href=\"{Encode(link)}\">Open it in DentalHub</a>. It stays on the dashboard until it is resolved or someone dismisses it.</p>"
                : $"<p>{Encode(open)}. It stays on the dashboard until it is resolved or someone dismisses it.</p>")
            + $"<p style=\"color:#666\">You receive this as an Owner or Admin of {Encode(alert.PracticeName)}.</p>";
        return (subject, html, text);
    }

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
