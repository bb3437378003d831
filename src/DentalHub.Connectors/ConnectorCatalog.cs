using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Launched;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.OpenDental;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors;

/// <summary>
/// Every connector DentalHub offers, one line each. Adding a connector is a folder plus a line here;
/// there is no assembly scanning.
/// </summary>
public static class ConnectorCatalog
{
    public static IReadOnlyList<ConnectorDescriptor> All { get; } =
    [
        DemoPmsConnector.Descriptor,
        OpenDentalConnector.Descriptor,
        .. NexHealthConnector.Descriptors,
        .. LaunchedPmsConnector.Descriptors,
        StripeConnector.Descriptor,
        QuickBooksConnector.Descriptor,
    ];

    public static ConnectorDescriptor? Find(string key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
}
