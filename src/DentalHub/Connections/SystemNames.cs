using DentalHub.Connectors.Contract;

namespace DentalHub.Connections;

/// <summary>How a connection's messages name its system: the connection's own answer first, then its connector's.</summary>
public static class SystemNames
{
    public const string Fallback = "the PMS";

    public static string Of(IConnector connector, ConnectorDescriptor? descriptor) =>
        connector.SystemName ?? descriptor?.SystemName ?? Fallback;
}
