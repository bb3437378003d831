using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>Creates the Open Dental connector in API mode, as the host does, pointed at a test double.</summary>
public static class ApiConnection
{
    public static IConnector Connector(
        OpenDentalApiTestDouble api,
        IHttpClientFactory http,
        TimeProvider? time = null,
        string customerKey = OpenDentalApiTestDouble.CustomerKey,
        string? baseUrl = null) =>
        OpenDentalConnector.Descriptor.Create(new ConnectorContext(
            new ConnectorSettings(
                new Dictionary<string, string>
                {
                    [OpenDentalConnector.ModeField] = OpenDentalConnector.ApiMode,
                    [OpenDentalConnector.BaseUrlField] = baseUrl ?? api.BaseUrl.ToString(),
                },
                new Dictionary<string, string>
                {
                    [OpenDentalConnector.DeveloperKeyField] = OpenDentalApiTestDouble.DeveloperKey,
                    [OpenDentalConnector.CustomerKeyField] = customerKey,
                }),
            time ?? TimeProvider.System,
            http));
}
