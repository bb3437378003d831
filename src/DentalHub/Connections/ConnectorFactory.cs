using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Secrets;

namespace DentalHub.Connections;

/// <summary>Creates the connector instance for a stored connection, with its secrets decrypted in memory only.</summary>
public sealed class ConnectorFactory(AvailableConnectors available, SecretProtector secrets, TimeProvider time, IHttpClientFactory httpClients)
{
    public IConnector Create(Connection connection)
    {
        var descriptor = available.Find(connection.ConnectorKey)
            ?? throw new ConnectorConfigurationException($"DentalHub has no connector '{connection.ConnectorKey}'. Remove this connection and add it again.");
        var settings = new ConnectorSettings(ValuesOf(connection), secrets.Unprotect(connection.ProtectedSecrets));
        return descriptor.Create(new ConnectorContext(settings, time, httpClients));
    }

    public static IReadOnlyDictionary<string, string> ValuesOf(Connection connection) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(connection.SettingsJson) ?? [];
}
