using System.Text.Json;

namespace DentalHub.Connectors.Stripe;

/// <summary>
/// The fields every Stripe event has in every API version, read without Stripe.net's typed model so
/// that events of any version (or of a type Stripe.net does not know) can be identified.
/// </summary>
internal sealed record StripeEventEnvelope(
    string Id,
    string Type,
    DateTimeOffset CreatedAt,
    bool LiveMode,
    string? Account,
    string? ApiVersion,
    bool IsThinEvent)
{
    /// <summary>Null when the body is not JSON or lacks an id, a type or a creation time.</summary>
    public static StripeEventEnvelope? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || String(root, "id") is not { } id
                || String(root, "type") is not { } type
                || Created(root) is not { } createdAt)
            {
                return null;
            }
            return new StripeEventEnvelope(
                id,
                type,
                createdAt,
                root.TryGetProperty("livemode", out var live) && live.ValueKind == JsonValueKind.True,
                String(root, "account"),
                String(root, "api_version"),
                String(root, "object") == "v2.core.event");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>Snapshot events carry Unix seconds; thin (v2) events an ISO 8601 string.</summary>
    private static DateTimeOffset? Created(JsonElement root)
    {
        if (!root.TryGetProperty("created", out var created))
        {
            return null;
        }
        if (created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return created.ValueKind == JsonValueKind.String && created.TryGetDateTimeOffset(out var at)
            ? at.ToUniversalTime()
            : null;
    }
}
