using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>A writer to a system across a network, where an answer can be lost after the write was stored.</summary>
public abstract class RemoteWriterContract<TWrite> : WriterContract<TWrite>
{
    /// <summary>The next write is stored and its answer lost on the way back.</summary>
    protected abstract void LoseNextAnswerAfterStoring();

    [SkippableFact]
    public async Task Write_AnswerLostAfterTheTargetStoredIt_UnknownThenFoundAndHeldOnce()
    {
        Skip.If(SkipReason is not null, SkipReason);
        LoseNextAnswerAfterStoring();
        var write = Accepted("contract-3");

        var outcome = await SendAsync(write);
        await SettleAsync();
        var found = await FindAsync(write);

        // Unknown, or, from a target that writes later, taken as perhaps taken: looked for, never sent again.
        Assert.True(outcome is WriteOutcome.Unknown or WriteOutcome.Accepted, $"A lost answer was taken as {outcome}.");
        Assert.IsType<FindOutcome.Found>(found);
        Assert.Equal(1, HeldWith("contract-3"));
    }
}
