using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// What every <see cref="IChangeFeed{TRecord}"/> must do, whatever system and resource it reads. A subclass per
/// (connector, resource) supplies a feed over data that needs several pages; a new resource or connector gets
/// these tests by adding one.
/// </summary>
public abstract class ChangeFeedContract<TRecord> where TRecord : IPmsRecord
{
    /// <summary>Null when the feed can run here; otherwise why these tests skip.</summary>
    protected virtual string? SkipReason => null;

    protected abstract IChangeFeed<TRecord> CreateFeed();

    /// <summary>How many records the feed's data holds.</summary>
    protected abstract int ExpectedRecords { get; }

    /// <summary>False for a feed whose system holds too few records to need a second page (a practice with one clinic).</summary>
    protected virtual bool HoldsSeveralPages => true;

    /// <summary>False for a feed that reads its whole (small) table every run, having no change filter to read less.</summary>
    protected virtual bool ReadsOnlyChanges => true;

    /// <summary>
    /// True for a feed whose system answers with no clock of its own, only each record's change stamp: its next
    /// read starts at the newest stamp it saw, so the records changed last come again rather than one stamped in
    /// that same second later being missed.
    /// </summary>
    protected virtual bool RereadsTheLastChanges => false;

    [SkippableFact]
    public async Task FullRead_NoCursor_ReturnsEachRecordOnceInSeveralPages()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var pages = await ReadAllAsync(CreateFeed(), cursor: null);

        var ids = pages.SelectMany(p => p.Rows).Select(r => r.PmsId).ToList();
        Assert.Equal(ExpectedRecords, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        if (HoldsSeveralPages)
        {
            Assert.True(pages.Count > 1, "the contract data should need more than one page");
        }
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
    }

    [SkippableFact]
    public async Task ReadFromLastCursor_NothingChanged_ReturnsNoRowsOrTheSameRecords()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var feed = CreateFeed();
        var first = await ReadAllAsync(feed, cursor: null);

        var second = (await ReadAllAsync(feed, first[^1].NextCursor)).SelectMany(p => p.Rows).ToList();

        if (RereadsTheLastChanges)
        {
            var firstIds = first.SelectMany(p => p.Rows).Select(r => r.PmsId).ToHashSet();
            Assert.All(second, r => Assert.Contains(r.PmsId, firstIds));
            Assert.InRange(second.Count, 0, firstIds.Count - 1);
        }
        else if (ReadsOnlyChanges)
        {
            Assert.Empty(second);
        }
        else
        {
            Assert.Equal(first.SelectMany(p => p.Rows).Select(r => r.PmsId).Order(), second.Select(r => r.PmsId).Order());
        }
    }

    [SkippableFact]
    public async Task Read_TokenAlreadyCancelled_ThrowsOperationCanceled()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAllAsync(CreateFeed(), cursor: null, cancellation.Token));
    }

    [SkippableFact]
    public async Task Count_WhenKnown_MatchesAFullRead()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var feed = CreateFeed();

        var count = await feed.CountAsync(CancellationToken.None);

        if (count is not null)
        {
            Assert.Equal((await ReadAllAsync(feed, cursor: null)).Sum(p => p.Rows.Count), count);
        }
    }

    protected static async Task<List<ChangePage<TRecord>>> ReadAllAsync(IChangeFeed<TRecord> feed, SyncCursor? cursor, CancellationToken cancellationToken = default)
    {
        var pages = new List<ChangePage<TRecord>>();
        await foreach (var page in feed.ReadChangedSince(cursor, cancellationToken))
        {
            pages.Add(page);
        }
        return pages;
    }
}
