using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// An Open Dental writer (API mode) on the API double, with the office's family in it: what each kind's writer contract
/// shares. A subclass says how its kind is sent, found and counted.
/// </summary>
public abstract class OpenDentalWriterContract<TWrite, TWriter> : RemoteWriterContract<TWrite>
    where TWriter : class
{
    private readonly TestHttpClientFactory http = new();
    private TWriter? writer;

    protected OpenDentalApiTestDouble Api { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection.AddFamily(Api);
    }

    public override async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        http.Dispose();
    }

    /// <summary>The writer of a new API-mode connection, as the host creates it.</summary>
    protected abstract TWriter Create(OpenDentalApiTestDouble api, IHttpClientFactory http);

    protected abstract Task<WriteOutcome> SendAsync(TWriter writer, TWrite write);

    protected abstract Task<FindOutcome> FindAsync(TWriter writer, TWrite write);

    protected override Task<WriteOutcome> SendAsync(TWrite write, bool afterRestart = false) => SendAsync(Writer(afterRestart), write);

    protected override Task<FindOutcome> FindAsync(TWrite write, bool afterRestart = false) => FindAsync(Writer(afterRestart), write);

    private TWriter Writer(bool afterRestart) => afterRestart || writer is null ? writer = Create(Api, http) : writer;
}
