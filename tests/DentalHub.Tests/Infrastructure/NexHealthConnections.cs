using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.NexHealth;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

public static class NexHealthConnections
{
    /// <summary>Connects <paramref name="practice"/> to <paramref name="pms"/> through the NexHealth double, as staff would; with its webhook secret when asked.</summary>
    public static async Task<Guid> ConnectNexHealthAsync(this DentalHubApp app, TestPractice practice, NexHealthApiTestDouble api, NexHealthPms pms, bool webhooks = false)
    {
        var secrets = new Dictionary<string, string> { [NexHealthConnector.ApiKeyField] = api.ApiKey };
        if (webhooks)
        {
            secrets[NexHealthConnector.WebhookSecretField] = api.WebhookSecret;
        }
        var connection = await app.Services.GetRequiredService<ConnectionService>().CreateAsync(practice.Tenant, AuditActor.System, new ConnectionInput(
            NexHealthConnector.KeyOf(pms), "Front office",
            new Dictionary<string, string>
            {
                [NexHealthConnector.BaseUrlField] = api.BaseUrl.ToString().TrimEnd('/'),
                [NexHealthConnector.SubdomainField] = NexHealthApiTestDouble.Subdomain,
                [NexHealthConnector.LocationIdField] = "7",
            },
            secrets),
            CancellationToken.None);
        return connection.Id;
    }
}
