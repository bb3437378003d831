using System.Text.Json;
using DentalHub.Connectors.Contract;
using Stripe;

namespace DentalHub.Connectors.Stripe;

/// <summary>
/// Verifies and reads one Stripe webhook request (signature scheme v1: HMAC-SHA256 over
/// "{t}.{raw body}", checked by Stripe.net in constant time).
/// </summary>
/// <remarks>
/// API-version policy. Stripe renders each event in the API version the endpoint was created with;
/// Stripe.net 53.1.0 reads <see cref="ExpectedApiVersion"/> (any version on the same release train).
/// Payloads of other versions can have renamed or removed fields, and Stripe.net then leaves them
/// empty without complaint: a payment would be recorded with a wrong amount or without its fee. So an
/// event DentalHub maps is rejected when its version differs, after its signature was verified, with
/// a message that says how to fix the endpoint. Event types DentalHub ignores are accepted whatever
/// their version, because nothing but the envelope (id, type, created, livemode, account), which is
/// the same in every version, is read from them.
/// </remarks>
public sealed class StripeWebhookReader(string endpointSecret, TimeProvider time)
{
    public const long ToleranceSeconds = EventUtility.DefaultTimeTolerance;

    /// <summary>The API version Stripe.net 53.1.0 reads; webhook endpoints must be created with it.</summary>
    public static string ExpectedApiVersion => StripeConfiguration.ApiVersion;

    public PaymentEventReadResult Read(string body, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(endpointSecret))
        {
            return new PaymentEventRejected(PaymentEventRejection.NotConfigured,
                "This Stripe connection has no webhook signing secret. Edit the connection and paste the endpoint's signing secret (whsec_...).");
        }
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new PaymentEventRejected(PaymentEventRejection.BadSignature,
                "The request has no Stripe-Signature header, so it cannot be shown to come from Stripe.");
        }
        if (Verify(body, signatureHeader) is { } signatureProblem)
        {
            return signatureProblem;
        }
        if (StripeEventEnvelope.Read(body) is not { } envelope)
        {
            return new PaymentEventRejected(PaymentEventRejection.MalformedPayload,
                "The signed request is not a Stripe event (its JSON is malformed or lacks id, type or created).");
        }
        if (envelope.IsThinEvent)
        {
            return Rejected(envelope, PaymentEventRejection.MalformedPayload,
                "This endpoint sends thin events (v2). DentalHub reads snapshot events: create the endpoint with snapshot payloads.");
        }
        if (!StripeEventMapper.MappedTypes.Contains(envelope.Type))
        {
            return Accepted(envelope, new IgnoredEvent($"DentalHub does not use {envelope.Type} events."));
        }
        if (envelope.ApiVersion is not { } version || !EventUtility.IsCompatibleApiVersion(version))
        {
            return Rejected(envelope, PaymentEventRejection.ApiVersionMismatch,
                $"This webhook endpoint sends events in API version {envelope.ApiVersion ?? "(none)"}; DentalHub reads {ExpectedApiVersion}. " +
                $"In Stripe's Dashboard, recreate the endpoint with API version {ExpectedApiVersion} and paste its new signing secret here.");
        }
        return Map(body, envelope);
    }

    /// <summary>
    /// Stripe.net checks signature and age in one call and tells the two failures apart only by
    /// message text; a second check without an age limit tells them apart without reading messages.
    /// </summary>
    private PaymentEventRejected? Verify(string body, string signatureHeader)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (SignatureHolds(body, signatureHeader, ToleranceSeconds, now))
        {
            return null;
        }
        return SignatureHolds(body, signatureHeader, long.MaxValue, now)
            ? new PaymentEventRejected(PaymentEventRejection.StaleTimestamp,
                $"The signature is valid but was made more than {ToleranceSeconds} seconds away from this server's time: " +
                "a replayed request, or this server's clock is wrong.")
            : new PaymentEventRejected(PaymentEventRejection.BadSignature,
                "The Stripe-Signature header does not match this request. Check that the connection's signing secret " +
                "is the one of the endpoint that sends here, and that nothing between Stripe and DentalHub changes the body.");
    }

    private bool SignatureHolds(string body, string signatureHeader, long tolerance, long now)
    {
        try
        {
            EventUtility.ValidateSignature(body, signatureHeader, endpointSecret, tolerance, now);
            return true;
        }
        catch (Exception e) when (e is StripeException or FormatException or OverflowException)
        {
            // StripeException: malformed header, no matching v1, or too old. The others: a signed but
            // unreadable timestamp.
            return false;
        }
    }

    private static PaymentEventReadResult Map(string body, StripeEventEnvelope envelope)
    {
        try
        {
            var stripeEvent = EventUtility.ParseEvent(body, throwOnApiVersionMismatch: false);
            return Accepted(envelope, StripeEventMapper.Map(stripeEvent, envelope.CreatedAt));
        }
        catch (StripePayloadException e)
        {
            return Rejected(envelope, PaymentEventRejection.MalformedPayload, e.Message);
        }
        catch (Exception e) when (e is JsonException or StripeException or ArgumentException or InvalidOperationException)
        {
            // The exception text can quote the payload, so only its kind is reported.
            return Rejected(envelope, PaymentEventRejection.MalformedPayload,
                $"Stripe.net could not read the {envelope.Type} event ({e.GetType().Name}).");
        }
    }

    private static PaymentEventAccepted Accepted(StripeEventEnvelope envelope, PaymentEventPayload payload) =>
        new(new PaymentEvent(envelope.Id, envelope.Type, envelope.CreatedAt, envelope.LiveMode, envelope.Account, payload));

    private static PaymentEventRejected Rejected(StripeEventEnvelope envelope, PaymentEventRejection reason, string message) =>
        new(reason, message, envelope.Id, envelope.Type);
}
