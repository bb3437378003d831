using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's ledger, which the sample practice writes payments to: the writer contract.</summary>
public sealed class DemoPaymentWriterContract : WriterContract<PmsPaymentWrite>
{
    // The Demo ledger lives for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");
    private readonly HashSet<string> refusedReferences = [];

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsPaymentWrite Accepted(string reference) =>
        new(reference, "12", 80m, new DateOnly(2026, 12, 7), "71", PaymentAllocation.PmsDecides, "Card payment");

    protected override PmsPaymentWrite Refused(string reference)
    {
        refusedReferences.Add(reference);
        return Accepted(reference);
    }

    protected override Task<WriteOutcome> SendAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Ledger(write).WritePaymentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsPaymentWrite write, bool afterRestart = false) =>
        Ledger(write).FindWrittenPaymentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoLedger.Entries(name).Count(e => e.Reference == reference);

    // A connection set to refuse writes refuses them; the contract's refused writes go to one.
    private IWritesPayments Ledger(PmsPaymentWrite write) => (IWritesPayments)DemoPmsConnector.Descriptor.Create(new ConnectorContext(
        new ConnectorSettings(new Dictionary<string, string>
        {
            [DemoPmsConnector.LedgerField] = name,
            [DemoPmsConnector.RefuseField] = refusedReferences.Contains(write.Reference) ? "yes" : "no",
        }, new Dictionary<string, string>()),
        TimeProvider.System, NoHttpClients.Instance));
}
