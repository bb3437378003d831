using System.Text.Json;
using System.Text.Json.Serialization;

namespace DentalHub.Connectors.NexHealth.Wire;

/// <summary>
/// Every NexHealth answer (docs.nexhealth.com/reference/errors, /v3.1.0/reference/response-body): <c>code</c> false is a
/// failure whatever the HTTP status, named in <c>error</c>; <c>description</c> can carry a warning while <c>code</c> is true;
/// <c>count</c> is the total of a list, not the page's length. <c>data</c> is kept raw so one unreadable record is that
/// record's problem, not the page's.
/// </summary>
internal sealed record NexEnvelope(
    [property: JsonPropertyName("code")] bool? Code,
    [property: JsonPropertyName("description")] JsonElement? Description,
    [property: JsonPropertyName("error")] JsonElement? Error,
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("page_info")] NexPageInfo? PageInfo)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The messages in <c>error</c> (a list of strings, or one string), joined; empty when there are none.</summary>
    public string Errors => Error switch
    {
        { ValueKind: JsonValueKind.Array } list => string.Join(" ", list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
        { ValueKind: JsonValueKind.String } one => one.GetString() ?? "",
        _ => "",
    };

    /// <summary>The items of a list answer, each as raw JSON.</summary>
    public IReadOnlyList<JsonElement> Items => Data is { ValueKind: JsonValueKind.Array } list ? [.. list.EnumerateArray()] : [];
}

/// <summary>
/// Cursor paging (docs.nexhealth.com/reference/pagination): send <c>end_cursor</c> for the next page, <c>start_cursor</c>
/// for the previous one.
/// </summary>
internal sealed record NexPageInfo(
    [property: JsonPropertyName("has_next_page")] bool HasNextPage,
    [property: JsonPropertyName("has_previous_page")] bool HasPreviousPage,
    [property: JsonPropertyName("start_cursor")] string? StartCursor,
    [property: JsonPropertyName("end_cursor")] string? EndCursor);

/// <summary><c>POST /authenticates</c>'s data.</summary>
internal sealed record NexToken([property: JsonPropertyName("token")] string? Token);
