using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Tests.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.Demo;

/// <summary>The sample practice is generated for the day it is read on: what a cursor from the day before brings.</summary>
public sealed class ReadingTheSamplePracticeOnANewDay
{
    // A Tuesday whose schedule starts on a Friday (2026-01-09), so the next day's read drops that Friday.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Appointments_CursorFromTheDayBefore_EverythingAgainWithTheDayThatLeftDeleted()
    {
        var connector = DemoPms.Connect(pageSize: 1000, clock);
        var yesterday = await connector.Appointments.ReadAllAsync();
        var leaving = yesterday.Rows().Where(a => a.StartLocal?.Date == new DateTime(2026, 1, 9)).Select(a => a.PmsId).ToList();
        Assert.NotEmpty(leaving);

        clock.Advance(TimeSpan.FromDays(1));
        var today = await connector.Appointments.ReadAllAsync(yesterday[^1].NextCursor);

        Assert.Equal(connector.BookOn(new DateOnly(2026, 3, 11)).Appointments.Select(a => a.PmsId), today.Rows().Select(a => a.PmsId));
        Assert.Equal(leaving.Order(), today.SelectMany(p => p.Deleted).Order());
        var tuesday = today.Rows().Where(a => a.StartLocal?.Date == new DateTime(2026, 3, 10)).ToList();
        Assert.NotEmpty(tuesday);
        Assert.All(tuesday, a => Assert.Contains(a.Status, new[] { PmsAppointmentStatus.Complete, PmsAppointmentStatus.Broken }));
        Assert.Empty(await connector.Appointments.ReadAllAsync(today[^1].NextCursor));
    }

    [Fact]
    public async Task Ledger_ReadStoppedAfterAPage_SameDay_ResumesWithTheRest()
    {
        var feed = DemoPms.Connect(pageSize: 500, clock).LedgerEntries;
        var all = (await feed.ReadAllAsync()).Rows().Select(e => e.PmsId).ToList();

        ChangePage<PmsLedgerEntry>? first = null;
        await foreach (var page in feed.ReadChangedSince(null, CancellationToken.None))
        {
            first = page;
            break;
        }
        var rest = (await feed.ReadAllAsync(first!.NextCursor)).Rows().Select(e => e.PmsId);

        Assert.Equal(all, first.Rows.Select(e => e.PmsId).Concat(rest));
    }

    [Fact]
    public async Task Providers_CursorNotTheDemos_ReadsEverything()
    {
        var pages = await DemoPms.Connect(pageSize: 100, clock).Providers.ReadAllAsync(new SyncCursor("2026-01-05T14:00:00.0000000+00:00"));

        Assert.Equal(6, pages.Rows().Count);
    }
}
