using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth;

/// <summary>A NexHealth connection's settings, checked when the connector is created.</summary>
/// <param name="Subdomain">The practice (an institution in NexHealth's words), as NexHealth names it.</param>
/// <param name="LocationId">The office: NexHealth's location id.</param>
/// <param name="WebhookSecret">The <c>secret_key</c> of the connection's webhook endpoint in NexHealth; null until one is set.</param>
internal sealed record NexHealthSettings(Uri BaseUrl, string ApiKey, string Subdomain, int LocationId, string? WebhookSecret = null)
{
    /// <summary>How many records one request asks for: NexHealth's maximum (the OpenAPI's default is 5: always send it).</summary>
    public int PageSize { get; init; } = NexHealthLimits.MaxPerPage;

    public static NexHealthSettings From(ConnectorSettings settings)
    {
        var text = settings.Value(NexHealthConnector.BaseUrlField) ?? NexHealthConnector.DefaultBaseUrl;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorConfigurationException($"API address \"{text}\" is not a web address. Use {NexHealthConnector.DefaultBaseUrl}.");
        }
        var location = settings.Required(NexHealthConnector.LocationIdField, "Location id");
        if (!int.TryParse(location, NumberStyles.None, CultureInfo.InvariantCulture, out var locationId) || locationId <= 0)
        {
            throw new ConnectorConfigurationException(
                $"Location id \"{location}\" is not a NexHealth location id (a whole number, such as 7). The Institutions page of NexHealth's Developer Portal lists them.");
        }
        return new NexHealthSettings(
            baseUrl,
            settings.Required(NexHealthConnector.ApiKeyField, "API key"),
            settings.Required(NexHealthConnector.SubdomainField, "Subdomain"),
            locationId,
            settings.Secret(NexHealthConnector.WebhookSecretField) ?? settings.Value(NexHealthConnector.WebhookSecretField));
    }

    public Uri Endpoint(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var all = query.Prepend(new("subdomain", Subdomain));
        return new Uri(BaseUrl, $"{path}?{string.Join("&", all.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}");
    }

    public string Location => LocationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The API key stands for the developer account (one per account), so limits and tokens are shared by every connection using it.</summary>
    public string KeyIdentity => $"{BaseUrl.GetLeftPart(UriPartial.Authority)}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey)))}";

    // Records print every property; the key must never reach a log.
    public override string ToString() => $"{nameof(NexHealthSettings)} {{ BaseUrl = {BaseUrl}, Subdomain = {Subdomain}, LocationId = {LocationId} }}";
}
