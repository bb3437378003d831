using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>Creates a NexHealth connector as the host does, pointed at the test double.</summary>
public static class NexHealthConnection
{
    internal static IConnector Connector(
        NexHealthApiTestDouble api,
        IHttpClientFactory http,
        NexHealthPms? pms = null,
        TimeProvider? time = null,
        string? apiKey = null,
        string subdomain = NexHealthApiTestDouble.Subdomain,
        int locationId = NexHealthApiTestDouble.LocationId,
        int? pageSize = null) =>
        NexHealthConnector.Create(pms ?? NexHealthPms.Dentrix, new ConnectorContext(
            new ConnectorSettings(
                new Dictionary<string, string>
                {
                    [NexHealthConnector.BaseUrlField] = api.BaseUrl.ToString(),
                    [NexHealthConnector.SubdomainField] = subdomain,
                    [NexHealthConnector.LocationIdField] = locationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                new Dictionary<string, string> { [NexHealthConnector.ApiKeyField] = apiKey ?? api.ApiKey, [NexHealthConnector.WebhookSecretField] = api.WebhookSecret }),
            time ?? TimeProvider.System,
            http),
            pageSize);

    /// <summary>The connector the host makes for <paramref name="systemName"/>'s descriptor, with settings that reach no server.</summary>
    public static IConnector Unreached(string systemName, IHttpClientFactory http) =>
        NexHealthConnector.Descriptors.Single(d => d.SystemName == systemName).Create(new(
            new(new Dictionary<string, string> { [NexHealthConnector.SubdomainField] = "x", [NexHealthConnector.LocationIdField] = "7" },
                new Dictionary<string, string> { [NexHealthConnector.ApiKeyField] = "k" }),
            TimeProvider.System, http));
}
