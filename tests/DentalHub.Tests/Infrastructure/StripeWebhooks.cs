using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Stripe;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

/// <summary>Stripe's side of a practice's webhook: a connection with a signing secret, and events signed as Stripe signs them.</summary>
public static class StripeWebhooks
{
    public const string Secret = "whsec_test_dentalhub";

    /// <summary>A Stripe connection of the practice, created as staff would, with <see cref="Secret"/>.</summary>
    public static async Task<Guid> ConnectStripeAsync(this DentalHubApp app, TestPractice practice, string secret = Secret) =>
        (await app.Services.GetRequiredService<ConnectionService>().CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            StripeConnector.Key, "Card payments", new Dictionary<string, string>(),
            new Dictionary<string, string> { ["webhookSigningSecret"] = secret, ["apiKey"] = "rk_test_dentalhub" }), CancellationToken.None)).Id;

    /// <summary>Posts the event signed with <paramref name="secret"/>.</summary>
    public static Task<HttpResponseMessage> PostStripeEventAsync(this HttpClient client, Guid connectionId, string body, string secret = Secret) =>
        client.PostSignedStripeEventAsync(connectionId, body, Sign(body, secret));

    public static Task<HttpResponseMessage> PostSignedStripeEventAsync(this HttpClient client, Guid connectionId, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/payments/{connectionId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return client.SendAsync(request);
    }

    /// <summary>Stripe's scheme: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "{t}.{body}" keyed with the endpoint secret&gt;.</summary>
    public static string Sign(string body, string secret = Secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>An event envelope as Stripe sends it, around <paramref name="objectJson"/>.</summary>
    public static string Event(string eventId, string type, string objectJson) => $$$"""
        {"id":"{{{eventId}}}","object":"event","api_version":"{{{StripeWebhookReader.ExpectedApiVersion}}}","created":1763800000,"livemode":false,"pending_webhooks":1,
         "request":{"id":null,"idempotency_key":null},"type":"{{{type}}}","data":{"object":{{{objectJson}}}}}
        """;
}
