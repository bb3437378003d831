using DentalHub.Connectors.Contract;

namespace DentalHub.Connections;

/// <summary>What a configured connection can be asked to write, and how its system is named to staff.</summary>
public sealed class ConnectionWrites(ConnectorFactory connectors, AvailableConnectors available)
{
    /// <summary>Whether the connection's connector, as its settings make it, implements <typeparamref name="TCapability"/>.</summary>
    public bool Takes<TCapability>(Connection connection)
    {
        try
        {
            return connectors.Create(connection) is TCapability;
        }
        catch (ConnectorConfigurationException)
        {
            return false;
        }
    }

    public string SystemName(Connection connection)
    {
        var descriptor = available.Find(connection.ConnectorKey);
        try
        {
            return SystemNames.Of(connectors.Create(connection), descriptor);
        }
        catch (ConnectorConfigurationException)
        {
            return descriptor?.SystemName ?? SystemNames.Fallback;
        }
    }
}
