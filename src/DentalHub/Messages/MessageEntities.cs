using DentalHub.Tenancy;

namespace DentalHub.Messages;

public enum SmtpTlsMode
{
    /// <summary>Plain connection upgraded with STARTTLS when the server offers it (port 587).</summary>
    StartTlsWhenAvailable = 0,
    /// <summary>STARTTLS required.</summary>
    StartTls = 1,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,
    /// <summary>No TLS at all: only for a relay on the same machine or network.</summary>
    None = 3,
}

/// <summary>The organization's outgoing mail server. The password is stored encrypted (<see cref="Secrets.SecretProtector"/>).</summary>
public sealed class SmtpSettings : IOrganizationOwned
{
    public Guid OrganizationId { get; init; }
    public required string Host { get; set; }
    public int Port { get; set; }
    public SmtpTlsMode TlsMode { get; set; }
    public string? UserName { get; set; }
    public string? ProtectedPassword { get; set; }
    public required string FromAddress { get; set; }
    public string? FromName { get; set; }
}

/// <summary>A practice's e-mail template; {FirstName} and {PointsBalance} are filled in per patient.</summary>
public sealed class MessageTemplate : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string Name { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
}

public enum MessageStatus
{
    Sent = 0,
    Failed = 1,
}

/// <summary>One e-mail sent (or tried) to a patient: the message history on the profile.</summary>
public sealed class MessageLog : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }
    public Guid? TemplateId { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }
    public MessageStatus Status { get; init; }
    public string? Error { get; init; }
    public required string SentBy { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>Why a sent message was not filed in the PMS as a communication log although the practice logs them; null otherwise.</summary>
    public string? PmsLogNote { get; set; }
}
