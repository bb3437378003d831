using DentalHub.Connectors.Contract;
using DentalHub.TestDoubles.QuickBooks;
using static DentalHub.Connectors.Tests.QuickBooks.QuickBooksConnection;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>
/// A deposit create that fails on the way is Unknown when QuickBooks may have kept it, and is never sent twice by the
/// connector; finding it by our reference afterwards tells the host whether to send it again.
/// </summary>
public sealed class WhenQuickBooksFailsMidWrite : QuickBooksScenario
{
    [Theory]
    [InlineData(QboFault.TimeoutAfterCommit, true)]
    [InlineData(QboFault.Status500AfterCommit, true)]
    [InlineData(QboFault.Status500BeforeCommit, false)]
    [InlineData(QboFault.DropAfterCommit, true)]
    [InlineData(QboFault.DropBeforeCommit, false)]
    public async Task Write_FaultThatLeavesItUncertain_IsUnknownAndSentOnce(QboFault fault, bool kept)
    {
        Qbo.FailNextDeposit(fault);

        var outcome = await Connector(requestTimeout: TimeoutFor(fault)).WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Unknown>(outcome);
        Assert.Single(Qbo.DepositBodies);
        Assert.Equal(kept ? 1 : 0, Qbo.Deposits.Count);
    }

    [Theory]
    [InlineData(QboFault.TimeoutAfterCommit)]
    [InlineData(QboFault.DropAfterCommit)]
    [InlineData(QboFault.Status500AfterCommit)]
    public async Task FindAfterLostResponse_QuickBooksKeptIt_FindsItAndSendingAgainCreatesNoSecond(QboFault fault)
    {
        Qbo.FailNextDeposit(fault);
        var connector = Connector(requestTimeout: TimeoutFor(fault));
        await connector.WriteDepositAsync(Payout(), CancellationToken.None);

        var found = await connector.FindWrittenDepositAsync(Payout(), CancellationToken.None);
        var again = await connector.WriteDepositAsync(Payout(), CancellationToken.None);

        var deposit = Assert.Single(Qbo.Deposits);
        Assert.Equal(new FindOutcome.Found(deposit.Id), found);
        Assert.Equal(new WriteOutcome.Written(deposit.Id), again);
    }

    [Fact]
    public async Task FindAfterLostResponse_QuickBooksDidNotKeepIt_IsNotFoundAndSendingAgainWritesItOnce()
    {
        Qbo.FailNextDeposit(QboFault.DropBeforeCommit);
        var connector = Connector();
        await connector.WriteDepositAsync(Payout(), CancellationToken.None);

        var found = await connector.FindWrittenDepositAsync(Payout(), CancellationToken.None);
        var again = await connector.WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal(new FindOutcome.NotFound(), found);
        Assert.Equal(new WriteOutcome.Written(Assert.Single(Qbo.Deposits).Id), again);
    }

    [Fact]
    public async Task Find_OtherDepositsWithSimilarReferences_MatchesOnlyOurs()
    {
        var day = new DateOnly(2026, 11, 20);
        Qbo.AddDeposit(day, "Stripe payout [DentalHub ref po_1Double2]", 10m);
        Qbo.AddDeposit(day, "po_1Double by hand", 10m);
        Qbo.AddDeposit(day.AddDays(-30), "[DentalHub ref po_1Double]", 10m);

        Assert.Equal(new FindOutcome.NotFound(), await Connector().FindWrittenDepositAsync(Payout(), CancellationToken.None));
    }

    [Fact]
    public async Task Find_ManyDepositsThatWeek_PagesUntilItFindsOursAndNeverFiltersOnPrivateNote()
    {
        var day = new DateOnly(2026, 11, 20);
        for (var i = 0; i < 5; i++)
        {
            Qbo.AddDeposit(day.AddDays(i - 2), $"Cash deposit {i}", 10m + i);
        }
        var ours = Qbo.AddDeposit(day.AddDays(3), "Moved by the bookkeeper [DentalHub ref po_1Double]", 1163.45m);

        var found = await Connector(pageSize: 2).FindWrittenDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(ours.Id), found);
        var queries = Qbo.ApiRequests.Select(r => r.Query["query"]).ToList();
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.StartsWith("SELECT * FROM Deposit WHERE TxnDate >= '2026-11-13' AND TxnDate <= '2026-11-27'", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_QuickBooksFailing_CouldNotCheck()
    {
        Qbo.FailNext(QboFault.Status500BeforeCommit);

        Assert.IsType<FindOutcome.CouldNotCheck>(await Connector().FindWrittenDepositAsync(Payout(), CancellationToken.None));
    }

    // Only the "answers too late" fault needs the client to give up quickly.
    private static TimeSpan TimeoutFor(QboFault fault) =>
        fault == QboFault.TimeoutAfterCommit ? TimeSpan.FromSeconds(1) : RequestTimeout;
}
