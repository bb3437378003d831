using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's adjustments, which the sample practice's profiles post: the writer contract.</summary>
public sealed class DemoAdjustmentWriterContract : WriterContract<PmsAdjustmentWrite>
{
    // The Demo adjustments live for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    protected override PmsAdjustmentWrite Accepted(string reference) =>
        new(reference, "12", -30m, new DateOnly(2026, 12, 7), "401", null, "Membership discount");

    /// <summary>A debit type with a credit's sign: refused whatever the number of tries.</summary>
    protected override PmsAdjustmentWrite Refused(string reference) => Accepted(reference) with { AdjustmentTypeId = "403" };

    protected override Task<WriteOutcome> SendAsync(PmsAdjustmentWrite write, bool afterRestart = false) =>
        Adjustments().WriteAdjustmentAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsAdjustmentWrite write, bool afterRestart = false) =>
        Adjustments().FindWrittenAdjustmentAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoAdjustments.Entries(name).Count(e => e.Adjustment.Reference == reference);

    private DemoAdjustments Adjustments() => new(name, new HashSet<string> { "12" });
}
