using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;

namespace DentalHub.Connectors.Tests.OpenDental;

/// <summary>
/// Each failure during a creating POST gives the outcome that keeps the write from being lost or recorded twice:
/// Unknown when Open Dental may have kept it, TryLater only when it certainly did not. The POST is never sent again
/// by the connector, whatever happens. Written once; each Open Dental writer (payments, commlogs) subclasses it.
/// </summary>
public abstract class OpenDentalWriteFaults : OpenDentalPaymentScenario
{
    /// <summary>What is written, as the outcomes name it ("payment").</summary>
    protected abstract string Noun { get; }

    /// <summary>How many POSTs of this kind arrived, whatever happened to them.</summary>
    protected abstract int Posts { get; }

    /// <summary>The ids of the records of this kind Open Dental holds.</summary>
    protected abstract IReadOnlyList<long> Kept { get; }

    protected abstract void FailNext(PaymentFault fault);

    protected abstract void AnswerRetryAfter(string value);

    /// <summary>Sends the same write each time, through a writer with this request timeout (the default when null).</summary>
    protected abstract Task<WriteOutcome> SendAsync(TimeSpan? requestTimeout = null);

    protected abstract Task<FindOutcome> FindAsync();

    [Theory]
    [InlineData(PaymentFault.TimeoutAfterCommit, true)]
    [InlineData(PaymentFault.Status500AfterCommit, true)]
    [InlineData(PaymentFault.Status500BeforeCommit, false)]
    [InlineData(PaymentFault.DropAfterCommit, true)]
    [InlineData(PaymentFault.DropBeforeCommit, false)]
    public async Task Write_FaultThatLeavesItUncertain_IsUnknownAndSentOnce(PaymentFault fault, bool kept)
    {
        FailNext(fault);

        var outcome = await SendAsync(TimeoutFor(fault));

        Assert.IsType<WriteOutcome.Unknown>(outcome);
        Assert.Equal(1, Posts);
        Assert.Equal(kept ? 1 : 0, Kept.Count);
    }

    [Theory]
    [InlineData(PaymentFault.TimeoutAfterCommit)]
    [InlineData(PaymentFault.Status500AfterCommit)]
    [InlineData(PaymentFault.DropAfterCommit)]
    public async Task FindAfterUnknown_OpenDentalKeptIt_FindsItsId(PaymentFault fault)
    {
        FailNext(fault);
        await SendAsync(TimeoutFor(fault));

        var found = await FindAsync();

        Assert.Equal(new FindOutcome.Found(Assert.Single(Kept).ToString(System.Globalization.CultureInfo.InvariantCulture)), found);
        Assert.Equal(1, Posts);
    }

    [Theory]
    [InlineData(PaymentFault.Status500BeforeCommit)]
    [InlineData(PaymentFault.DropBeforeCommit)]
    public async Task FindAfterUnknown_OpenDentalDidNotKeepIt_IsNotFoundAndSendingAgainWritesItOnce(PaymentFault fault)
    {
        FailNext(fault);
        await SendAsync();

        var found = await FindAsync();
        var again = await SendAsync();

        Assert.Equal(new FindOutcome.NotFound(), found);
        Assert.IsType<WriteOutcome.Written>(again);
        Assert.Single(Kept);
        Assert.Equal(2, Posts);
    }

    [Fact]
    public async Task Write_429_IsTryLaterAfterRetryAfterWithoutResending()
    {
        AnswerRetryAfter("42");
        FailNext(PaymentFault.Status429);

        var outcome = await SendAsync();

        Assert.Equal(new WriteOutcome.TryLater(
            $"Open Dental asked DentalHub to wait before sending more; the {Noun} was not recorded and will be sent again.", TimeSpan.FromSeconds(42)), outcome);
        Assert.Equal(1, Posts);
        Assert.Empty(Kept);
    }

    [Fact]
    public async Task Write_Timeout_SaysHowLongItWaitedAndThatItWillLookBeforeResending()
    {
        FailNext(PaymentFault.TimeoutAfterCommit);

        var outcome = await SendAsync(TimeSpan.FromMilliseconds(400));

        Assert.Equal(new WriteOutcome.Unknown(
            $"Open Dental's API at {Api.BaseUrl.ToString().TrimEnd('/')} did not answer within 0.4 seconds, so the {Noun} may or may not have been recorded. DentalHub will look for it in Open Dental before sending it again."),
            outcome);
    }

    // Only the "answers too late" fault needs the client to give up quickly; every other case gets a
    // timeout a loaded machine cannot hit, so the test measures the fault and not the machine.
    private static TimeSpan TimeoutFor(PaymentFault fault) =>
        fault == PaymentFault.TimeoutAfterCommit ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(20);
}
