using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Payments through NexHealth to Dentrix on the NexHealth double: the writer contract. NexHealth takes a payment (202) and
/// writes it on its cycle, so a write is <see cref="WriteOutcome.Accepted"/> and found once the cycle ran; a lost 202 is
/// looked for, never sent again.
/// </summary>
public sealed class NexHealthPaymentWriterContract : RemoteWriterContract<PmsPaymentWrite>
{
    private readonly TestHttpClientFactory http = new();
    private NexHealthApiTestDouble api = null!;
    private IWritesPayments? writer;

    public override async Task InitializeAsync()
    {
        api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Patient(415, "Ana", "Ruiz", new DateOnly(1990, 4, 2)));
        api.RowsPerPayment = 2;
    }

    public override async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    protected override PmsPaymentWrite Accepted(string reference) =>
        new(reference, "415", 140.01m, new DateOnly(2026, 12, 7), "10", PaymentAllocation.PmsDecides, "Card payment");

    // A patient NexHealth does not have: 400.
    protected override PmsPaymentWrite Refused(string reference) => Accepted(reference) with { PmsPatientId = "777" };

    protected override Task<WriteOutcome> SendAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).WritePaymentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Writer(afterRestart).FindWrittenPaymentAsync(write, CancellationToken.None);

    protected override Task SettleAsync() => api.RunWriteCycleAsync();

    protected override int HeldWith(string reference) => api.PaymentsWith(reference).Count > 0 ? 1 : 0;

    protected override void LoseNextAnswerAfterStoring() => api.DropNextPaymentAnswer();

    private IWritesPayments Writer(bool afterRestart) =>
        afterRestart || writer is null ? writer = Assert.IsAssignableFrom<IWritesPayments>(NexHealthConnection.Connector(api, http, NexHealthPms.Dentrix)) : writer;
}
