using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth.Webhooks;

/// <summary>
/// One delivery of NexHealth's webhooks (docs.nexhealth.com/docs/webhooks, /v2.2.2/reference/webhook-endpoints): a POST
/// with headers <c>timestamp</c> and <c>signature</c>, the signature the hex HMAC-SHA256, keyed with the endpoint's
/// <c>secret_key</c>, of <c>"{timestamp}.{base64(raw body)}"</c> (as integrators verify it; NexHealth's pages say only that the
/// secret verifies the messages). The body: <c>resource_type</c>, <c>event_name</c> (<c>payment_insertion.complete</c>),
/// <c>event_time</c>, <c>data</c>, <c>delivery_errors</c>. A delivery older than <see cref="MaxAge"/> is refused, so a
/// captured one cannot be replayed later.
/// </summary>
internal static class NexHealthWebhook
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>NexHealth's resource types and the resources DentalHub syncs from them.</summary>
    private static readonly Dictionary<string, string> Resources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Patient"] = "patients",
        ["Appointment"] = "appointments",
        ["Provider"] = "providers",
        ["Operatory"] = "operatories",
        ["InsurancePlan"] = "insurance-plans",
        ["PatientInsuranceCoverage"] = "coverages",
    };

    /// <summary>The writes NexHealth reports on, by event prefix, as staff name them.</summary>
    private static readonly Dictionary<string, string> Insertions = new(StringComparer.Ordinal)
    {
        ["payment_insertion"] = "payment",
        ["adjustment_insertion"] = "adjustment",
        ["appointment_insertion"] = "appointment",
        ["document_insertion"] = "document",
    };

    public static PmsEventRead Read(string body, Func<string, string?> header, string? secret, NexHealthPms pms, DateTimeOffset now)
    {
        if (secret is null)
        {
            return new PmsEventRead.Rejected("The connection has no webhook secret: set the secret_key NexHealth gave for this webhook endpoint on the connection.");
        }
        var timestamp = header("timestamp");
        var signature = header("signature");
        if (timestamp is null || signature is null)
        {
            return new PmsEventRead.Rejected("The request has no timestamp or signature header.");
        }
        if (!Signed(secret, timestamp, body, signature))
        {
            return new PmsEventRead.Rejected("The signature does not match the connection's webhook secret.");
        }
        if (TimeOf(timestamp) is not { } sent || (now - sent).Duration() > MaxAge)
        {
            return new PmsEventRead.Rejected($"The request's timestamp is not within {MaxAge.TotalMinutes:0} minutes of now.");
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            return new PmsEventRead.Accepted(EventOf(json.RootElement, pms));
        }
        catch (JsonException)
        {
            return new PmsEventRead.Rejected("The body is not NexHealth's event JSON.");
        }
    }

    /// <summary>The signature NexHealth sends for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(body))}")));

    private static bool Signed(string secret, string timestamp, string body, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    // Seconds since 1970 as integrators read it; an ISO 8601 time as well.
    private static DateTimeOffset? TimeOf(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 100_000_000_000
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static PmsEvent EventOf(JsonElement root, NexHealthPms pms)
    {
        var name = Text(root, "event_name") ?? "";
        var resource = Text(root, "resource_type") ?? "";
        var data = root.TryGetProperty("data", out var d) ? d : default;
        // A retried delivery carries the same event; delivery_errors is about deliveries, so it is left out of the key.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{name}|{resource}|{Text(root, "event_time")}|{(data.ValueKind == JsonValueKind.Undefined ? "" : data.GetRawText())}")));
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && Insertions.TryGetValue(name[..dot], out var what) && data.ValueKind == JsonValueKind.Object && Text(data, "transaction_id") is { } reference)
        {
            var outcome = name[(dot + 1)..] switch
            {
                "complete" => PmsWriteReportOutcome.Written,
                "failed" => PmsWriteReportOutcome.Failed,
                _ => PmsWriteReportOutcome.StillWaiting,
            };
            var targetId = data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null;
            return new PmsEvent(key, name, new PmsWriteReport(reference, outcome, targetId,
                outcome == PmsWriteReportOutcome.Failed ? NexHealthMessages.WriteFailed(pms, what) : null), null);
        }
        var changed = name.EndsWith("_created", StringComparison.Ordinal) || name.EndsWith("_updated", StringComparison.Ordinal)
            || name.EndsWith("_deleted", StringComparison.Ordinal);
        return new PmsEvent(key, name, null, changed && Resources.TryGetValue(resource, out var synced) ? synced : null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
