using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// What every writer of every connector promises the command engine (decision 3), written once: a write is found
/// again by our reference; an answer lost after the target stored the write is found, not sent again; a refusal
/// says what to fix; a command repeated after a crash finds the first write and writes nothing more. A new writer
/// (each kind of PMS write, another connector) subclasses this with its target and gets every test.
/// </summary>
public abstract class WriterContract<TWrite> : IAsyncLifetime
{
    protected virtual string? SkipReason => null;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>A write the target accepts, carrying <paramref name="reference"/>.</summary>
    protected abstract TWrite Accepted(string reference);

    /// <summary>A write the target refuses whatever the number of tries (an unknown patient, an inactive account).</summary>
    protected abstract TWrite Refused(string reference);

    /// <summary>Sends through a writer; <paramref name="afterRestart"/> asks for a new one, as a restarted process builds.</summary>
    protected abstract Task<WriteOutcome> SendAsync(TWrite write, bool afterRestart = false);

    protected abstract Task<FindOutcome> FindAsync(TWrite write, bool afterRestart = false);

    /// <summary>How many writes the target holds with <paramref name="reference"/>, read on the target's side.</summary>
    protected abstract int HeldWith(string reference);

    /// <summary>
    /// For a target that takes writes and writes them later (<see cref="WriteOutcome.Accepted"/>): its cycle runs, so what it
    /// took is written. Nothing for a target that writes at once.
    /// </summary>
    protected virtual Task SettleAsync() => Task.CompletedTask;

    /// <summary>A write that went through, written at once or taken and then written by the target's cycle: its target id as found.</summary>
    protected async Task<string> WrittenAsync(WriteOutcome outcome, TWrite write, bool afterRestart = false)
    {
        await SettleAsync();
        var found = Assert.IsType<FindOutcome.Found>(await FindAsync(write, afterRestart));
        if (outcome is WriteOutcome.Written written)
        {
            Assert.Equal(written.TargetId, found.TargetId);
        }
        else
        {
            Assert.IsType<WriteOutcome.Accepted>(outcome);
        }
        return found.TargetId;
    }

    [SkippableFact]
    public async Task Write_Accepted_WrittenAndFoundByOurReference()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var write = Accepted("contract-1");

        var targetId = await WrittenAsync(await SendAsync(write), write);

        Assert.False(string.IsNullOrWhiteSpace(targetId));
        Assert.Equal(1, HeldWith("contract-1"));
    }

    [SkippableFact]
    public async Task Find_NeverWritten_NotFound()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await SendAsync(Accepted("contract-other"));
        await SettleAsync();

        Assert.IsType<FindOutcome.NotFound>(await FindAsync(Accepted("contract-2")));
    }

    [SkippableFact]
    public async Task Write_Refused_SaysWhatToFixAndNothingIsHeld()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var write = Refused("contract-4");

        var refused = Assert.IsType<WriteOutcome.Refused>(await SendAsync(write));
        await SettleAsync();

        Assert.True(refused.FullText.Length > 20, $"\"{refused.FullText}\" does not tell a person what to fix.");
        // Not found, or not checkable when what was refused is what a search needs (a patient the PMS does not have).
        Assert.IsNotType<FindOutcome.Found>(await FindAsync(write));
        Assert.Equal(0, HeldWith("contract-4"));
    }

    [SkippableFact]
    public async Task SameCommandAfterACrash_FindFirst_FindsTheFirstWriteAndNothingMoreIsWritten()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var write = Accepted("contract-5");
        var first = await WrittenAsync(await SendAsync(write), write);

        var found = await FindAsync(write, afterRestart: true);

        Assert.Equal(new FindOutcome.Found(first), found);
        Assert.Equal(1, HeldWith("contract-5"));
    }
}
