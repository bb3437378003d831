using System.Diagnostics;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office changes its schedule after a read: Open Dental deletes a provider's hours (and logs the deletion in
/// <c>deletedobject</c>), or moves a blockout to other chairs, which rewrites its <c>scheduleop</c> rows and leaves
/// the schedule row's DateTStamp alone. The next read from the cursor reports each.
/// </summary>
public sealed class FollowingScheduleChangesInAnOfficeDatabase(ScheduleOfficeDatabase database) : IClassFixture<ScheduleOfficeDatabase>
{
    private IChangeFeed<PmsScheduleBlock> Feed() => ((IReadsSchedules)database.Connector(pageSize: 3)).Schedules;

    private static async Task<List<ChangePage<PmsScheduleBlock>>> ReadAllAsync(IChangeFeed<PmsScheduleBlock> feed, SyncCursor? cursor)
    {
        var pages = new List<ChangePage<PmsScheduleBlock>>();
        await foreach (var page in feed.ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    [SkippableFact]
    public async Task ProviderHoursDeleted_NextRead_ReportsThemDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var feed = Feed();
        var cursor = (await ReadAllAsync(feed, null))[^1].NextCursor;

        // What Open Dental's Schedules.Delete does for a provider schedule.
        await database.ExecuteAsync("DELETE FROM schedule WHERE ScheduleNum = 14; DELETE FROM scheduleop WHERE ScheduleNum = 14; " +
            "INSERT INTO deletedobject (ObjectNum, ObjectType) VALUES (14, 1)");

        var pages = await ReadUntilAsync(feed, cursor, pages => pages.Any(p => p.Deleted.Count > 0));
        Assert.Equal(["14"], pages.SelectMany(p => p.Deleted));
        Assert.Empty(pages.SelectMany(p => p.Rows));
        Assert.Empty((await ReadAllAsync(feed, pages[^1].NextCursor)).SelectMany(p => p.Deleted));
    }

    [SkippableFact]
    public async Task BlockoutMovedToOtherChairs_NextRead_ReturnsItWithItsNewChairs()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var feed = Feed();
        var cursor = (await ReadAllAsync(feed, null))[^1].NextCursor;

        // Schedules.Update: the row is written with the same values (its DateTStamp stays), its chairs rewritten.
        await database.ExecuteAsync("UPDATE schedule SET Note = Note WHERE ScheduleNum = 16; " +
            "DELETE FROM scheduleop WHERE ScheduleNum = 16; INSERT INTO scheduleop (ScheduleNum, OperatoryNum) VALUES (16, 1), (16, 3)");

        var pages = await ReadAllAsync(feed, cursor);
        var moved = Assert.Single(pages.SelectMany(p => p.Rows));
        Assert.Equal("16", moved.PmsId);
        Assert.Equal(["1", "3"], moved.OperatoryPmsIds);
        Assert.Empty((await ReadAllAsync(feed, pages[^1].NextCursor)).SelectMany(p => p.Rows));
    }

    private static async Task<List<ChangePage<PmsScheduleBlock>>> ReadUntilAsync(
        IChangeFeed<PmsScheduleBlock> feed, SyncCursor cursor, Func<List<ChangePage<PmsScheduleBlock>>, bool> done)
    {
        // A change is read once the seconds it was stamped in have settled.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            var pages = await ReadAllAsync(feed, cursor);
            if (done(pages))
            {
                return pages;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The change never appeared.");
    }
}
