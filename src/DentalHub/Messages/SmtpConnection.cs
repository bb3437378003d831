using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DentalHub.Messages;

/// <summary>The organization's mail server as MailKit reaches it: shared by patient messages and alert e-mails.</summary>
public static class SmtpConnection
{
    public static async Task ConnectAsync(SmtpClient client, SmtpSettings server, string? password, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(server.Host, server.Port, TlsOption(server.TlsMode), cancellationToken);
        if (server.UserName is not null)
        {
            await client.AuthenticateAsync(server.UserName, password ?? "", cancellationToken);
        }
    }

    /// <summary>The ways connecting or signing in fails that mean "the server could not be used now", not a bug.</summary>
    public static bool IsServerProblem(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException
            or SmtpCommandException or SmtpProtocolException or TimeoutException;

    public static MimeMessage Compose(SmtpSettings server, string to, string subject, string html, string? text = null)
    {
        var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody() };
        message.From.Add(new MailboxAddress(server.FromName ?? "", server.FromAddress));
        message.To.Add(MailboxAddress.Parse(to.Trim()));
        return message;
    }

    private static SecureSocketOptions TlsOption(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpTlsMode.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
