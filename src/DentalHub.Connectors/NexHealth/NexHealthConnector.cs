using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// The practice management systems NexHealth's Synchronizer API reaches, one connector each ("Dentrix through NexHealth"),
/// so a practice finds its own system on the "Add a connection" list with a line on what it cannot do there. A connection
/// gives NexHealth's API key, the practice's subdomain and its location id.
/// </summary>
public static class NexHealthConnector
{
    public const string KeyPrefix = "nexhealth-";

    public const string ApiKeyField = "apiKey";
    public const string SubdomainField = "subdomain";
    public const string LocationIdField = "locationId";
    public const string BaseUrlField = "baseUrl";
    public const string WebhookSecretField = "webhookSecret";

    /// <summary>The only server NexHealth documents; the API key decides between sandbox and production.</summary>
    public const string DefaultBaseUrl = "https://nexhealth.info";

    /// <summary>The name of the HttpClient the connector asks the host's factory for.</summary>
    public const string HttpClientName = "nexhealth";

    public static IReadOnlyList<ConnectorDescriptor> Descriptors { get; } = [.. NexHealthPms.All.Select(DescriptorOf)];

    public static string KeyOf(NexHealthPms pms) => KeyPrefix + pms.Key;

    private static ConnectorDescriptor DescriptorOf(NexHealthPms pms) => new(
        KeyOf(pms),
        $"{pms.Name} through NexHealth",
        $"Reads {pms.Name}'s patients, providers, chairs, appointment types{(pms.ReadsInsurance ? ", appointments and insurance" : " and appointments")} through NexHealth's Synchronizer API. {pms.Limits}",
        ConnectorKind.PracticeManagement,
        [
            new ConnectorField(ApiKeyField, "API key",
                "Your NexHealth API key, from the API Key page of NexHealth's Developer Portal (a production key for a live practice).", IsSecret: true),
            new ConnectorField(SubdomainField, "Subdomain",
                "The practice's subdomain in NexHealth, as the Institutions page of NexHealth's Developer Portal shows it."),
            new ConnectorField(LocationIdField, "Location id",
                "The office's location id in NexHealth (a number), from the practice's page under Institutions in NexHealth's Developer Portal."),
            new ConnectorField(WebhookSecretField, "Webhook secret",
                "The secret_key NexHealth answered when the webhook endpoint was registered (POST /webhook_endpoints with this connection's webhook address). "
                + "With it, NexHealth's events confirm payments as soon as they are written and start a sync of what changed; without it DentalHub looks them up on its own.",
                IsSecret: true, IsRequired: false),
            new ConnectorField(BaseUrlField, "API address", $"NexHealth's API: {DefaultBaseUrl} unless NexHealth gave you another.",
                IsRequired: false, DefaultValue: DefaultBaseUrl),
        ],
        context => Create(pms, context))
    {
        SystemName = pms.Name,
    };

    /// <summary>As the host creates it, with a smaller page for tests that need many pages.</summary>
    internal static IConnector Create(NexHealthPms pms, ConnectorContext context, int? pageSize = null)
    {
        var settings = NexHealthSettings.From(context.Settings);
        if (pageSize is { } size)
        {
            settings = settings with { PageSize = size };
        }
        var http = context.HttpClients.CreateClient(HttpClientName);
        var key = ApiKeyState.For(settings, context.Time);
        var reads = new NexHealthClient(http, settings, key, context.Time);
        var checks = new NexHealthClient(http, settings, key, context.Time, NexHealthClient.CheckRetries);
        // Every system NexHealth writes payments to also has its insurance read (NexHealthPms' table).
        return pms switch
        {
            { WritesPayments: true, ReadsInsurance: true } => new NexHealthLedgerConnector(pms, reads, checks, new NexHealthClient(http, settings, key, context.Time, writes: true), context.Time),
            { ReadsInsurance: true } => new NexHealthInsuredConnector(pms, reads, checks, context.Time),
            _ => new NexHealthPmsConnector(pms, reads, checks, context.Time),
        };
    }
}
