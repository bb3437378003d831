using DentalHub.Tenancy;

namespace DentalHub.Alerts;

/// <summary>
/// Something an Owner or Admin must look at, raised once when a thing enters a bad state (not on every
/// retry). It stays open until someone dismisses it or its cause is resolved (<see cref="AlertClosing"/>),
/// and names and links what it is about, without patient data.
/// </summary>
public sealed class Alert : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string Kind { get; init; }
    public Guid SubjectId { get; init; }
    public required string Text { get; init; }

    /// <summary>What it is about as people know it ("Payment of 150.00 USD received Dec 3, 2026 (pi_…)"), never a patient's data.</summary>
    public string? SubjectName { get; init; }

    /// <summary>The hub page of what it is about, a path such as "/payments?payment=…".</summary>
    public string? Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it closed: dismissed by a person, or its cause was resolved.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Who dismissed it, or "Resolved: …" with what resolved it.</summary>
    public string? AcknowledgedBy { get; set; }

    /// <summary>When the practice's outgoing webhook confirmed it, if one is configured.</summary>
    public DateTimeOffset? WebhookDeliveredAt { get; set; }
    public int WebhookAttempts { get; set; }

    /// <summary>When every Owner and Admin had it by e-mail; null while some are still to be sent (or no mail server is set up).</summary>
    public DateTimeOffset? EmailedAt { get; set; }
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailNextAttemptAt { get; set; }
}

/// <summary>One e-mail of an alert that reached the mail server, so a later sweep never sends it to that address again.</summary>
public sealed class AlertEmailReceipt : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid AlertId { get; init; }
    public required string Address { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

public static class AlertKinds
{
    public const string PaymentNotRecorded = "payment.not-recorded";
    public const string PaymentNeedsReview = "payment.needs-review";
    public const string WriteNeedsReview = "write.needs-review";
    public const string CommlogNotLogged = "commlog.not-logged";
    public const string CommlogNeedsReview = "commlog.needs-review";
    public const string AdjustmentNotRecorded = "adjustment.not-recorded";
    public const string AdjustmentNeedsReview = "adjustment.needs-review";
    public const string AppointmentNotWritten = "appointment.not-written";
    public const string AppointmentNeedsReview = "appointment.needs-review";
    public const string ClaimNotUpdated = "claim.not-updated";
    public const string ClaimUpdateNeedsReview = "claim.needs-review";
    public const string DocumentNotRecorded = "document.not-recorded";
    public const string DocumentNeedsReview = "document.needs-review";
    public const string NewPatientNotAdded = "new-patient.not-added";
    public const string NewPatientNeedsReview = "new-patient.needs-review";

    /// <summary>A connection cannot take writes until a person acts (reconnect, subscription); one alert per connection, not per write.</summary>
    public const string ConnectionNeedsAttention = "connection.needs-attention";
}

/// <summary>Where a practice wants alerts posted, signed as Standard Webhooks sign them.</summary>
public sealed class AlertWebhook : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public required string Url { get; set; }

    /// <summary>The signing secret, encrypted (SecretProtector).</summary>
    public required string ProtectedSecret { get; set; }
}
