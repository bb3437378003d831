using DentalHub.Connectors.QuickBooks;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.QuickBooks;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>What most QuickBooks scenarios start from: the double, a company connected, its tokens in the store.</summary>
public abstract class QuickBooksScenario : IAsyncLifetime
{
    protected TestHttpClientFactory Http { get; } = new();
    protected QuickBooksOnlineTestDouble Qbo { get; private set; } = null!;
    protected InMemoryTokenStore Store { get; private set; } = null!;

    /// <summary>Intuit's clock and the connector's; the system clock unless a scenario needs to move time.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    public async Task InitializeAsync()
    {
        Qbo = await QuickBooksOnlineTestDouble.StartAsync(Clock, XsdSchema.Deposit());
        Store = new InMemoryTokenStore(QuickBooksConnection.Tokens(Qbo.Connect()));
    }

    public async Task DisposeAsync()
    {
        await Qbo.DisposeAsync();
        Http.Dispose();
    }

    protected QuickBooksConnector Connector(TimeSpan? requestTimeout = null, int pageSize = 1000, InMemoryTokenStore? store = null) =>
        QuickBooksConnection.Connector(Qbo, Http, store ?? Store, Clock, requestTimeout, pageSize);
}

/// <summary>Intuit's Deposit schema from ../shared/fixtures/quickbooks-online, loaded once; null when ../shared is absent.</summary>
public static class XsdSchema
{
    private static readonly Lazy<DepositSchema?> Loaded = new(() =>
        Folder() is { } folder ? DepositSchema.Load(folder) : null);

    public static string? Folder() => SharedFolder.Find() is { } shared ? Path.Combine(shared, "fixtures", "quickbooks-online") : null;

    public static DepositSchema? Deposit() => Loaded.Value;

    public static string SkipReason =>
        $"Intuit's Finance.xsd was not found at {Folder() ?? "../shared (no project root found)"}. " +
        $"The schema tests need ../shared beside the project, or {SharedFolder.Variable} pointing at it.";
}
