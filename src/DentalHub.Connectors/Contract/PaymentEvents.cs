namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector whose system pushes payment events (webhooks) to DentalHub. The host's webhook endpoint
/// hands it the request exactly as received and asks with a type test, never by vendor.
/// </summary>
public interface IReceivesPaymentEvents
{
    /// <summary>
    /// Verifies and reads one webhook request. <paramref name="body"/> must be the raw body, unparsed and
    /// unmodified: the signature covers its exact text. Never throws for a bad request.
    /// </summary>
    PaymentEventReadResult Read(string body, string? signatureHeader);
}

/// <summary>Either <see cref="PaymentEventAccepted"/> or <see cref="PaymentEventRejected"/>.</summary>
public abstract record PaymentEventReadResult;

/// <summary>The request was authentic and understood; store <see cref="Event"/> and answer 2xx.</summary>
public sealed record PaymentEventAccepted(PaymentEvent Event) : PaymentEventReadResult;

/// <summary>
/// The request was not used. <see cref="Message"/> says what a person should check and never contains
/// the request's content. <see cref="EventId"/> is set only when the signature was valid.
/// </summary>
public sealed record PaymentEventRejected(
    PaymentEventRejection Reason,
    string Message,
    string? EventId = null,
    string? EventType = null) : PaymentEventReadResult;

public enum PaymentEventRejection
{
    /// <summary>The connection has no webhook signing secret yet.</summary>
    NotConfigured,
    /// <summary>No signature, a malformed one, or one that does not match: not from the processor, or the wrong secret.</summary>
    BadSignature,
    /// <summary>Authentic, but signed too long ago (a replay) or this server's clock is off.</summary>
    StaleTimestamp,
    /// <summary>Authentic, but not an event DentalHub can parse.</summary>
    MalformedPayload,
    /// <summary>Authentic, but the endpoint sends a payload version DentalHub cannot read safely; a person must fix the endpoint.</summary>
    ApiVersionMismatch,
}
