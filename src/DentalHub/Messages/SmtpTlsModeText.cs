namespace DentalHub.Messages;

/// <summary>How the mail server's connection is secured, in the words an IT person picks from.</summary>
public static class SmtpTlsModeText
{
    public static string Of(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.StartTlsWhenAvailable => "STARTTLS when offered (port 587)",
        SmtpTlsMode.StartTls => "STARTTLS required (port 587)",
        SmtpTlsMode.SslOnConnect => "TLS from the start (port 465)",
        SmtpTlsMode.None => "None (a relay on this network only)",
    };
}
