using DentalHub.Connectors;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connections;

/// <summary>
/// The connectors this app offers: <see cref="ConnectorCatalog.All"/>, held as a service so tests
/// can offer a test connector beside them.
/// </summary>
public sealed class AvailableConnectors(IReadOnlyList<ConnectorDescriptor> all)
{
    public IReadOnlyList<ConnectorDescriptor> All { get; } = all;

    public ConnectorDescriptor? Find(string key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
}
