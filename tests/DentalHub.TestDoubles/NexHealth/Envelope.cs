using System.Text.Json.Nodes;

namespace DentalHub.TestDoubles.NexHealth;

/// <summary>NexHealth's response body (docs.nexhealth.com/reference/errors): the same shape for every answer.</summary>
internal static class Envelope
{
    public static JsonObject Success(JsonNode? data, int? count = null, JsonObject? pageInfo = null, string? description = null)
    {
        var body = new JsonObject { ["code"] = true, ["description"] = description, ["error"] = new JsonArray(), ["data"] = data };
        if (count is not null)
        {
            body["count"] = count;
        }
        if (pageInfo is not null)
        {
            body["page_info"] = pageInfo;
        }
        return body;
    }

    public static JsonObject Failure(string message) =>
        new() { ["code"] = false, ["description"] = null, ["data"] = null, ["error"] = new JsonArray(message) };
}
