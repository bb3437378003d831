using System.Globalization;
using System.Text.Json;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// One entry of a QuickBooks fault. Intuit writes <c>{"Fault":{"Error":[{"Message","Detail","code","element"}],"type"}}</c>,
/// and its authentication layer the same in lower case (<c>{"fault":{"error":[{"message",...}]}}</c>), so both are read.
/// </summary>
internal sealed record QuickBooksError(string? Code, string? Message, string? Detail, string? Element)
{
    /// <summary>The code as a number ("003001" is 3001); null when there is none.</summary>
    public int? Number => int.TryParse(Code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"Message: Detail (code 610, field X)", for people.</summary>
    public override string ToString()
    {
        var text = string.IsNullOrWhiteSpace(Detail) || Detail == Message ? Message ?? "" : $"{Message}: {Detail}";
        var where = string.IsNullOrWhiteSpace(Element) ? "" : $", field {Element}";
        return Code is null ? text.Trim() : $"{text.Trim()} (code {Code}{where})";
    }
}

internal sealed record QuickBooksFault(string? Type, IReadOnlyList<QuickBooksError> Errors)
{
    // Intuit's codes (developer.intuit.com, "Error codes"; QuickBooks reference notes §1.5).
    public const int Authorization = 120;
    public const int InactiveOrNotFound = 610;
    public const int Throttled = 3001;
    public const int AppNotAuthorized = 3100;
    public const int AuthenticationFailed = 3200;
    public const int CompanyStatus = 6190;

    public bool Has(int code) => Errors.Any(e => e.Number == code);

    public bool IsAuthentication => Has(AuthenticationFailed) || string.Equals(Type, "AUTHENTICATION", StringComparison.OrdinalIgnoreCase);

    /// <summary>Authorization withdrawn, app not allowed, subscription lapsed or company closed: a person must act.</summary>
    public bool IsConnectionLevel => Has(Authorization) || Has(AppNotAuthorized) || Has(CompanyStatus)
        || string.Equals(Type, "AUTHORIZATION", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Type, "AuthorizationFault", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> Details => [.. Errors.Select(e => e.ToString()).Where(t => t.Length > 0)];

    /// <summary>The fault in a response body, or null when there is none (or the body is not JSON).</summary>
    public static QuickBooksFault? In(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && Property(json.RootElement, "Fault") is { ValueKind: JsonValueKind.Object } fault
                ? Read(fault)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static QuickBooksFault Read(JsonElement fault)
    {
        var errors = new List<QuickBooksError>();
        if (Property(fault, "Error") is { ValueKind: JsonValueKind.Array } list)
        {
            errors.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new QuickBooksError(
                Text(e, "code"), Text(e, "Message"), Text(e, "Detail"), Text(e, "element"))));
        }
        return new QuickBooksFault(Text(fault, "type"), errors);
    }

    private static JsonElement? Property(JsonElement owner, string name)
    {
        foreach (var property in owner.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string? Text(JsonElement owner, string name) => Property(owner, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };
}
