using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>What every payment and commlog scenario starts from: the Open Dental API double with a family in it.</summary>
public abstract class OpenDentalPaymentScenario : IAsyncLifetime
{
    protected TestHttpClientFactory Http { get; } = new();
    protected OpenDentalApiTestDouble Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        PaymentConnection.AddFamily(Api);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}
