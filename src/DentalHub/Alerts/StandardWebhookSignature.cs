using System.Security.Cryptography;
using System.Text;

namespace DentalHub.Alerts;

/// <summary>
/// Standard Webhooks signing: headers webhook-id, webhook-timestamp (unix seconds) and
/// webhook-signature "v1,{base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"}", the key being the
/// base64 part of a "whsec_" secret.
/// </summary>
public static class StandardWebhookSignature
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
