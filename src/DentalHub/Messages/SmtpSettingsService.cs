using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Secrets;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Messages;

/// <summary>What an Admin edits; the password is write-only (null keeps the stored one).</summary>
public sealed record SmtpSettingsInput(string? Host, int Port, SmtpTlsMode TlsMode, string? UserName, string? Password, string? FromAddress, string? FromName);

public sealed record SmtpSettingsView(string Host, int Port, SmtpTlsMode TlsMode, string? UserName, bool HasPassword, string FromAddress, string? FromName);

/// <summary>The organization's SMTP server, shared by its practices.</summary>
public sealed class SmtpSettingsService(DentalHubDbFactory databases, SecretProtector secrets, AuditLog audit)
{
    private const string PasswordKey = "password";

    public async Task<SmtpSettingsView?> GetAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var s = await db.SmtpSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return s is null ? null : new SmtpSettingsView(s.Host, s.Port, s.TlsMode, s.UserName, s.ProtectedPassword is not null, s.FromAddress, s.FromName);
    }

    public async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, SmtpSettingsInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Host) || input.Host.Trim().Length > 255 || input.Port is < 1 or > 65535)
        {
            return "Enter the mail server's host name and a port between 1 and 65535.";
        }
        if (!MimeKit.MailboxAddress.TryParse(input.FromAddress?.Trim() ?? "", out _) || !(input.FromAddress?.Contains('@') ?? false))
        {
            return "Enter the address e-mails come from, such as front-desk@yourpractice.com.";
        }
        await using var db = databases.Create(tenant);
        var settings = await db.SmtpSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SmtpSettings { OrganizationId = tenant.OrganizationId!.Value, Host = "", FromAddress = "" };
            db.SmtpSettings.Add(settings);
        }
        settings.Host = input.Host.Trim();
        settings.Port = input.Port;
        settings.TlsMode = input.TlsMode;
        settings.UserName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim();
        settings.FromAddress = input.FromAddress!.Trim();
        settings.FromName = string.IsNullOrWhiteSpace(input.FromName) ? null : input.FromName.Trim();
        if (!string.IsNullOrEmpty(input.Password))
        {
            settings.ProtectedPassword = secrets.Protect(new Dictionary<string, string> { [PasswordKey] = input.Password });
        }
        if (settings.UserName is null)
        {
            settings.ProtectedPassword = null;
        }
        audit.Add(db, actor, MessageAuditActions.SmtpChanged, $"Mail server {settings.Host}:{settings.Port}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    internal async Task<(SmtpSettings Settings, string? Password)?> LoadForSendingAsync(DentalHubDb db, CancellationToken cancellationToken)
    {
        var s = await db.SmtpSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return s is null ? null : (s, secrets.Unprotect(s.ProtectedPassword).GetValueOrDefault(PasswordKey));
    }
}

public static class MessageAuditActions
{
    public const string SmtpChanged = "messages.smtp-changed";
    public const string TemplatesChanged = "messages.templates-changed";
    public const string Sent = "messages.sent";
    public const string ConsentChanged = "messages.consent-changed";
}
