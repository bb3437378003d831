using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>Builds webhook requests the way Stripe sends them, signed with Stripe's v1 scheme.</summary>
internal static class StripeTestEvents
{
    public const string Secret = "whsec_test_secret_for_dentalhub";
    public const string CurrentApiVersion = "2026-10-28.endive";

    /// <summary>A moment in 2026; events are signed at it and read a few seconds later.</summary>
    public static readonly DateTimeOffset SignedAt = new(2026, 11, 2, 15, 30, 0, TimeSpan.Zero);

    public static string Envelope(
        string type,
        JsonNode dataObject,
        string? apiVersion = CurrentApiVersion,
        bool liveMode = false,
        string? account = null,
        string id = "evt_1TestDentalHub0001")
    {
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = apiVersion,
            ["created"] = SignedAt.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject },
            ["livemode"] = liveMode,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        if (account is not null)
        {
            envelope["account"] = account;
        }
        return envelope.ToJsonString();
    }

    /// <summary>Stripe's scheme, computed here rather than by Stripe.net so that the reader is checked against it.</summary>
    public static string SignatureHeader(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Signs <paramref name="payload"/> now and reads it five seconds later.</summary>
    public static PaymentEventReadResult SignAndRead(string payload) =>
        new StripeWebhookReader(Secret, new FixedTime(SignedAt.AddSeconds(5)))
            .Read(payload, SignatureHeader(payload, Secret, SignedAt));

    public static T Accepted<T>(PaymentEventReadResult result) where T : PaymentEventPayload
    {
        var accepted = Assert.IsType<PaymentEventAccepted>(result);
        return Assert.IsType<T>(accepted.Event.Payload);
    }

    /// <summary>Stripe's sample charge, captured, with the given amount and payment method type.</summary>
    public static JsonObject Charge(long amount = 1999, string currency = "usd", string methodType = "card")
    {
        var charge = StripeFixtures.Resource("charge");
        charge["amount"] = amount;
        charge["amount_captured"] = amount;
        charge["captured"] = true;
        charge["currency"] = currency;
        charge["payment_intent"] = "pi_1PgafyB7WZ01zgkWSjxsAJo3";
        charge["payment_method_details"] = new JsonObject
        {
            ["type"] = methodType,
            [methodType] = new JsonObject(),
        };
        return charge;
    }

    /// <summary>Stripe's sample balance transaction, made consistent: 1999 gross, 88 fee.</summary>
    public static JsonObject BalanceTransaction(long amount = 1999, long fee = 88, string currency = "usd")
    {
        var transaction = StripeFixtures.Resource("balance_transaction");
        transaction["amount"] = amount;
        transaction["fee"] = fee;
        transaction["net"] = amount - fee;
        transaction["currency"] = currency;
        return transaction;
    }
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
