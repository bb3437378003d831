using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's payment writer (API mode) on the API double: the writer contract.</summary>
public sealed class OpenDentalPaymentWriterContract : RemoteWriterContract<PmsPaymentWrite>
{
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;
    private IWritesPayments? writer;

    public override async Task InitializeAsync()
    {
        api = await OpenDentalApiTestDouble.StartAsync();
        AddFamily(api);
    }

    public override async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    protected override PmsPaymentWrite Accepted(string reference) => Payment(reference);

    protected override PmsPaymentWrite Refused(string reference) => Payment(reference, patient: 777);

    protected override Task<WriteOutcome> SendAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).WritePaymentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).FindWrittenPaymentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => api.Payments.Count(p => p.PayNote.Contains(reference, StringComparison.Ordinal));

    protected override void LoseNextAnswerAfterStoring() => api.FailNextPayment(PaymentFault.DropAfterCommit);

    private IWritesPayments Writer(bool afterRestart) => afterRestart || writer is null ? writer = ApiMode(api, http) : writer;
}
