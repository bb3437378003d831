using DentalHub.Connectors.Contract;
using System.Net;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>What a person should fix when the API fails. Never includes the keys or patient data.</summary>
internal static class ApiMessages
{
    public const string KeysRefused =
        "Open Dental refused the API keys: check the developer key and customer key, and that the customer key is enabled in Setup > Advanced Setup > API.";

    public static string For(HttpStatusCode status, string? explanation, ApiSettings settings) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => KeysRefused,
        HttpStatusCode.NotFound =>
            $"Open Dental's API was not found at {settings.Address}. Check the API address: {OpenDentalConnector.DefaultBaseUrl} for the remote API, or the Local API / API Service address on the office network.",
        HttpStatusCode.TooManyRequests =>
            "Open Dental is limiting how often DentalHub may read and asked it to wait longer than one sync waits. The next sync will try again.",
        >= HttpStatusCode.InternalServerError =>
            $"Open Dental's API answered with an error (HTTP {(int)status}) several times. If the office uses the remote API, check that its eConnector is running. The next sync will try again.",
        _ => $"Open Dental's API rejected the request (HTTP {(int)status}{Explained(explanation)}).",
    };

    public static string Unreachable(ApiSettings settings) =>
        $"DentalHub could not reach Open Dental's API at {settings.Address}. Check the API address and this computer's internet connection; for the Local API or API Service, check that the Open Dental computer is on.";

    public static string TimedOut(ApiSettings settings) =>
        $"Open Dental's API at {settings.Address} did not answer within {settings.RequestTimeout.TotalSeconds:0} seconds. If the office uses the remote API, check that its eConnector is running.";

    public const string Unreadable =
        "Open Dental's API answered with something DentalHub could not read as a list of patients. Check the API address.";

    public static string UnreadableRecord(string what) =>
        $"Open Dental's API answered with something DentalHub could not read as {what}. Check the API address.";

    public static string UnreadableList(string what) =>
        $"Open Dental's API answered with something DentalHub could not read as a list of {what}. Check the API address.";

    // The API's plain-text explanation of a rejected list request is about parameters, not patients.
    private static string Explained(string? explanation)
    {
        var text = Explanation(explanation);
        return text.Length == 0 ? "" : ": " + text;
    }

    /// <summary>
    /// The API's explanation, one line and at most 200 characters. Open Dental answers plain text,
    /// but some versions send it as a JSON string ("\"Patient not found.\"").
    /// </summary>
    public static string Explanation(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                text = System.Text.Json.JsonSerializer.Deserialize<string>(text) ?? "";
            }
            catch (System.Text.Json.JsonException)
            {
                text = text[1..^1];
            }
        }
        text = text.Trim().ReplaceLineEndings(" ");
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}

/// <summary>The Open Dental API failed in a way a person can act on; the message says how.</summary>
public sealed class OpenDentalApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : ConnectorException(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
