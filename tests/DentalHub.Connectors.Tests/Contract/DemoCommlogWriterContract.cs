using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's communication logs, which the sample practice's messages and notes are filed in: the writer contract.</summary>
public sealed class DemoCommlogWriterContract : WriterContract<PmsCommlogWrite>
{
    // The Demo logs live for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsCommlogWrite Accepted(string reference) =>
        new(reference, "12", new DateTime(2026, 12, 7, 9, 30, 0), CommlogMode.Email, CommlogDirection.Sent, "E-mail sent");

    protected override PmsCommlogWrite Refused(string reference) => Accepted(reference) with { PmsPatientId = "999" };

    protected override Task<WriteOutcome> SendAsync(PmsCommlogWrite write, bool afterRestart = false) =>
        Logs().WriteCommlogAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsCommlogWrite write, bool afterRestart = false) =>
        Logs().FindWrittenCommlogAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoCommlogs.Entries(name).Count(e => e.Commlog.Reference == reference);

    private DemoCommlogs Logs() => new(name, new HashSet<string> { "12" });
}
