using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Secrets;

namespace DentalHub.Connections;

/// <summary>
/// Creates the connector instance for a stored connection, with its secrets decrypted in memory only.
/// App-wide settings of a connector (an OAuth app's client id and secret, sandbox or production) come from
/// configuration section <c>Connectors:{key}</c>: keys ending in "Secret" are secrets, the rest values; the
/// connection's own settings win over them.
/// </summary>
public sealed class ConnectorFactory(
    AvailableConnectors available, SecretProtector secrets, TimeProvider time, IHttpClientFactory httpClients, IConfiguration configuration, OAuthTokenStores tokens, ILoggerFactory logs)
{
    public IConnector Create(Connection connection)
    {
        var descriptor = available.Find(connection.ConnectorKey)
            ?? throw new ConnectorConfigurationException($"DentalHub has no connector '{connection.ConnectorKey}'. Remove this connection and add it again.");
        return descriptor.Create(new ConnectorContext(SettingsOf(connection), time, httpClients, tokens.For(connection.Id, connection.PracticeId), logs));
    }

    /// <summary>The connection's settings merged over its connector's configured ones.</summary>
    public ConnectorSettings SettingsOf(Connection connection)
    {
        var (configuredValues, configuredSecrets) = Configured(connection.ConnectorKey);
        return new ConnectorSettings(
            Merge(configuredValues, ValuesOf(connection)),
            Merge(configuredSecrets, secrets.Unprotect(connection.ProtectedSecrets)));
    }

    public static IReadOnlyDictionary<string, string> ValuesOf(Connection connection) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(connection.SettingsJson) ?? [];

    private (Dictionary<string, string> Values, Dictionary<string, string> Secrets) Configured(string connectorKey)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secretValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection($"Connectors:{connectorKey}").GetChildren())
        {
            if (entry.Value is { Length: > 0 } value)
            {
                (entry.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase) ? secretValues : values)[entry.Key] = value;
            }
        }
        return (values, secretValues);
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> configured, IReadOnlyDictionary<string, string> own)
    {
        foreach (var (key, value) in own)
        {
            configured[key] = value;
        }
        return configured;
    }
}
