using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>API mode's settings, checked when the connector is created.</summary>
internal sealed record ApiSettings(Uri BaseUrl, string DeveloperKey, string CustomerKey)
{
    /// <summary>How long one request may take; tests shorten it.</summary>
    public TimeSpan RequestTimeout { get; init; } = ApiResilience.AttemptTimeout;

    /// <summary>The API settings of a database-mode connection, or null when it has no keys.</summary>
    public static ApiSettings? WhenKeysPresent(ConnectorSettings settings) =>
        (settings.Value(OpenDentalConnector.DeveloperKeyField) ?? settings.Secret(OpenDentalConnector.DeveloperKeyField)) is null
        || (settings.Value(OpenDentalConnector.CustomerKeyField) ?? settings.Secret(OpenDentalConnector.CustomerKeyField)) is null
            ? null
            : From(settings);

    public static ApiSettings From(ConnectorSettings settings)
    {
        var text = settings.Value(OpenDentalConnector.BaseUrlField) ?? OpenDentalConnector.DefaultBaseUrl;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorConfigurationException(
                $"API address \"{text}\" is not a web address. Use {OpenDentalConnector.DefaultBaseUrl} or the Local API / API Service address.");
        }
        return new ApiSettings(
            baseUrl,
            settings.Required(OpenDentalConnector.DeveloperKeyField, "Developer key"),
            settings.Required(OpenDentalConnector.CustomerKeyField, "Customer key"));
    }

    /// <summary>Open Dental's own scheme (apisetup.html): both keys, developer key first.</summary>
    public string Authorization => $"ODFHIR {DeveloperKey}/{CustomerKey}";

    public Uri Endpoint(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var queryText = string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(BaseUrl, queryText.Length == 0 ? path : $"{path}?{queryText}");
    }

    /// <summary>The address without the keys, for messages.</summary>
    public string Address => BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    // Records print every property; the keys must never reach a log.
    public override string ToString() => $"{nameof(ApiSettings)} {{ BaseUrl = {Address} }}";
}
