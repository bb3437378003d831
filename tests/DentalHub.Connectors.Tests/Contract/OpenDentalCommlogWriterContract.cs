using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's commlog writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalCommlogWriterContract : RemoteWriterContract<PmsCommlogWrite>
{
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;
    private IWritesCommlogs? writer;

    public override async Task InitializeAsync()
    {
        api = await OpenDentalApiTestDouble.StartAsync();
        DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection.AddFamily(api);
    }

    public override async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    protected override PmsCommlogWrite Accepted(string reference) => Commlog(reference);

    protected override PmsCommlogWrite Refused(string reference) => Commlog(reference, patient: 777);

    protected override Task<WriteOutcome> SendAsync(PmsCommlogWrite write, bool afterRestart = false) =>
        Writer(afterRestart).WriteCommlogAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsCommlogWrite write, bool afterRestart = false) =>
        Writer(afterRestart).FindWrittenCommlogAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => api.Commlogs.Count(c => c.Note.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => api.CommlogWrites.FailNext(PaymentFault.DropAfterCommit);

    private IWritesCommlogs Writer(bool afterRestart) => afterRestart || writer is null ? writer = ApiMode(api, http) : writer;
}
