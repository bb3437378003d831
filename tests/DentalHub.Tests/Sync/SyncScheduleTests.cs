using DentalHub.Connections;
using DentalHub.Sync;

namespace DentalHub.Tests.Sync;

public sealed class SyncScheduleTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public void DailySchedule_AcrossSpringDaylightSavingChange_StaysAtPracticeLocalTime()
    {
        var connection = new Connection { ConnectorKey = "x", Name = "x", SyncSchedule = SyncSchedule.Daily, SyncDailyAt = new TimeOnly(6, 0) };
        var trigger = SyncScheduler.BuildTrigger(connection, SyncResources.Patients, Chicago, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        // 2026-03-08 02:00 is when Chicago moves from CST (UTC-6) to CDT (UTC-5).
        var beforeChange = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero));
        var afterChange = trigger.GetFireTimeAfter(beforeChange);

        Assert.Equal(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero), beforeChange);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 11, 0, 0, TimeSpan.Zero), afterChange);
        Assert.Equal(new TimeOnly(6, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(afterChange!.Value, Chicago).DateTime));
    }

    [Fact]
    public void DailySchedule_AcrossAutumnDaylightSavingChange_FiresOnceAtLocalTime()
    {
        var connection = new Connection { ConnectorKey = "x", Name = "x", SyncSchedule = SyncSchedule.Daily, SyncDailyAt = new TimeOnly(1, 30) };
        var trigger = SyncScheduler.BuildTrigger(connection, SyncResources.Patients, Chicago, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        // 2026-11-01 01:30 happens twice in Chicago; the sync must run once that day.
        var start = new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero);
        var fires = new List<DateTimeOffset>();
        for (var next = trigger.GetFireTimeAfter(start); next < new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero); next = trigger.GetFireTimeAfter(next))
        {
            fires.Add(next!.Value);
        }
        var localDays = fires.Select(f => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, Chicago).DateTime)).ToList();
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2)], localDays);
    }

    [Fact]
    public void HourlySchedule_FiresEveryHourAtOneMinute()
    {
        var connection = new Connection { ConnectorKey = "x", Name = "x", SyncSchedule = SyncSchedule.Hourly };
        var trigger = SyncScheduler.BuildTrigger(connection, SyncResources.Patients, Chicago, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero))!.Value;
        var second = trigger.GetFireTimeAfter(first)!.Value;
        Assert.Equal(TimeSpan.FromHours(1), second - first);
        Assert.Equal(0, first.Second);
    }

    [Theory]
    [InlineData(SyncSchedule.Hourly, 60, 150)]
    [InlineData(SyncSchedule.Daily, 60, 26 * 60)]
    [InlineData(SyncSchedule.Interval, 240, 600)]
    public void StaleThreshold_PerSchedule_MatchesTheAgreedLimits(SyncSchedule schedule, int interval, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), SyncScheduler.StaleAfter(schedule, interval));
}
