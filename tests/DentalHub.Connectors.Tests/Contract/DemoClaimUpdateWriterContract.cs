using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>The Demo PMS's claim updates, which the sample practice's profiles send: the writer contract.</summary>
public sealed class DemoClaimUpdateWriterContract : WriterContract<PmsClaimUpdate>
{
    // The Demo updates live for the process, by connection name: a name of this test's own keeps tests apart.
    private readonly string name = "contract-" + Guid.NewGuid().ToString("N");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Each reference marks a waiting claim of its own sent.</summary>
    protected override PmsClaimUpdate Accepted(string reference) =>
        new(reference, "12", reference, PmsClaimStatus.Waiting, PmsClaimStatus.Sent, new DateOnly(2026, 12, 7));

    /// <summary>A claim the Demo PMS does not have.</summary>
    protected override PmsClaimUpdate Refused(string reference) => Accepted(reference) with { ClaimPmsId = "no-such-claim" };

    protected override Task<WriteOutcome> SendAsync(PmsClaimUpdate write, bool afterRestart = false) =>
        Updates().WriteClaimUpdateAsync(write, CancellationToken.None);

    protected override Task<FindOutcome> FindAsync(PmsClaimUpdate write, bool afterRestart = false) =>
        Updates().FindWrittenClaimUpdateAsync(write, CancellationToken.None);

    protected override int HeldWith(string reference) => DemoClaimUpdates.Entries(name).Count(e => e.Update.Reference == reference);

    private DemoClaimUpdates Updates() => new(name, id => id.StartsWith("contract-", StringComparison.Ordinal)
        ? new PmsClaim(id, "12", "1", PmsClaimStatus.Waiting, "Primary", new DateOnly(2026, 12, 1), null, null, 100m, 80m, 0m, 0m)
        : null);
}
