using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// A QuickBooks Online connection's settings. Two kinds, merged by the host into one <see cref="ConnectorSettings"/>:
/// <list type="bullet">
/// <item>Platform (DentalHub's Intuit app, from configuration section <c>Connectors:quickbooks-online</c>):
/// <see cref="ClientIdName"/> "ClientId" (a value), <see cref="ClientSecretName"/> "ClientSecret" (a secret),
/// <see cref="EnvironmentName"/> "Environment" ("production", the default, or "sandbox"), and optionally
/// <see cref="AuthorizeUrlName"/> "AuthorizeUrl", <see cref="TokenUrlName"/> "TokenUrl",
/// <see cref="RevokeUrlName"/> "RevokeUrl", <see cref="ApiBaseUrlName"/> "ApiBaseUrl" (Intuit's own addresses by default;
/// the API's base follows the environment).</item>
/// <item>Per connection: <see cref="RealmIdName"/> "RealmId", the company id Intuit sends as <c>realmId</c> to the
/// OAuth callback, which the host stores with the connection.</item>
/// </list>
/// The tokens are not settings: the host hands them over as <see cref="ConnectorContext.Tokens"/>.
/// </summary>
public sealed record QuickBooksSettings(
    string? ClientId,
    string? ClientSecret,
    bool Sandbox,
    Uri AuthorizeUrl,
    Uri TokenUrl,
    Uri RevokeUrl,
    Uri ApiBaseUrl,
    string? RealmId)
{
    public const string ClientIdName = "ClientId";
    public const string ClientSecretName = "ClientSecret";
    public const string EnvironmentName = "Environment";
    public const string AuthorizeUrlName = "AuthorizeUrl";
    public const string TokenUrlName = "TokenUrl";
    public const string RevokeUrlName = "RevokeUrl";
    public const string ApiBaseUrlName = "ApiBaseUrl";
    public const string RealmIdName = "RealmId";

    public const string Production = "production";
    public const string SandboxEnvironment = "sandbox";

    // Intuit's published endpoints (discovery document https://developer.api.intuit.com/.well-known/openid_configuration).
    public static readonly Uri DefaultAuthorizeUrl = new("https://appcenter.intuit.com/connect/oauth2");
    public static readonly Uri DefaultTokenUrl = new("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer");
    public static readonly Uri DefaultRevokeUrl = new("https://developer.api.intuit.com/v2/oauth2/tokens/revoke");
    public static readonly Uri ProductionApiBaseUrl = new("https://quickbooks.api.intuit.com");
    public static readonly Uri SandboxApiBaseUrl = new("https://sandbox-quickbooks.api.intuit.com");

    /// <summary>How long one API or token request may take (Intuit ends requests at 120 s); tests shorten it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows per query page (QuickBooks allows 1000); tests shrink it to see paging.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Reads the settings; a malformed value is a <see cref="ConnectorConfigurationException"/>, a missing one is reported when it is needed.</summary>
    public static QuickBooksSettings From(ConnectorSettings settings)
    {
        var environment = settings.Value(EnvironmentName) ?? Production;
        var sandbox = environment.ToLowerInvariant() switch
        {
            Production => false,
            SandboxEnvironment => true,
            _ => throw new ConnectorConfigurationException(
                $"The QuickBooks environment \"{environment}\" is neither \"{Production}\" nor \"{SandboxEnvironment}\". Fix {EnvironmentName} in the Connectors:quickbooks-online configuration."),
        };
        return new QuickBooksSettings(
            settings.Value(ClientIdName),
            settings.Secret(ClientSecretName) ?? settings.Value(ClientSecretName),
            sandbox,
            Address(settings, AuthorizeUrlName, DefaultAuthorizeUrl),
            Address(settings, TokenUrlName, DefaultTokenUrl),
            Address(settings, RevokeUrlName, DefaultRevokeUrl),
            Address(settings, ApiBaseUrlName, sandbox ? SandboxApiBaseUrl : ProductionApiBaseUrl),
            settings.Value(RealmIdName));
    }

    public (string Id, string Secret) Client() =>
        ClientId is { } id && ClientSecret is { } secret
            ? (id, secret)
            : throw new ConnectorConfigurationException(
                $"DentalHub's Intuit app is not configured: set {ClientIdName} and {ClientSecretName} in the Connectors:quickbooks-online configuration.");

    public string Realm() =>
        RealmId ?? throw new ConnectorConfigurationException("This connection is not linked to a QuickBooks company yet. Connect it to QuickBooks.");

    /// <summary><c>{base}/v3/company/{realmId}/{path}</c> with the query, every value escaped.</summary>
    public Uri Api(string path, params (string Name, string Value)[] query)
    {
        var text = string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
        var root = ApiBaseUrl.ToString().TrimEnd('/');
        return new Uri($"{root}/v3/company/{Uri.EscapeDataString(Realm())}/{path}{(text.Length == 0 ? "" : "?" + text)}");
    }

    // Records print every property; the secret must never reach a log.
    public override string ToString() => $"{nameof(QuickBooksSettings)} {{ Api = {ApiBaseUrl}, Realm = {RealmId}, Sandbox = {Sandbox} }}";

    private static Uri Address(ConnectorSettings settings, string name, Uri fallback)
    {
        if (settings.Value(name) is not { } text)
        {
            return fallback;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ConnectorConfigurationException($"{name} \"{text}\" is not a web address. Fix it in the Connectors:quickbooks-online configuration.");
    }
}
