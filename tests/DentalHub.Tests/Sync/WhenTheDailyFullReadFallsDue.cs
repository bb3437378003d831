using DentalHub.Sync;

namespace DentalHub.Tests.Sync;

public sealed class WhenTheDailyFullReadFallsDue
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Chicago), TimeSpan.Zero);

    [Theory]
    [InlineData(10, 7)] // mid-morning: this night's mark
    [InlineData(0, 6)] // just after midnight: still the night before's
    public void LastMark_OrdinaryDay_IsOneAmOfThePracticeNight(int hour, int markDay)
    {
        Assert.Equal(Local(2026, 12, markDay, 1), DailyFullRead.LastMark(Local(2026, 12, 7, hour, 30), Chicago));
    }

    [Fact]
    public void LastMark_DayTheClocksGoForward_IsOneAm()
    {
        Assert.Equal(Local(2026, 3, 8, 1), DailyFullRead.LastMark(Local(2026, 3, 8, 9), Chicago));
    }

    [Fact]
    public void LastMark_DayTheClocksGoBack_IsOneAmStandardTime()
    {
        var mark = DailyFullRead.LastMark(Local(2026, 11, 1, 9), Chicago);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero), mark);
    }

    [Fact]
    public void IsDue_NeverReadWhole_IsDue()
    {
        Assert.True(DailyFullRead.IsDue(null, Local(2026, 12, 7, 10), Chicago));
    }

    [Fact]
    public void IsDue_ReadWholeAfterThisNightsMark_IsNotDue()
    {
        Assert.False(DailyFullRead.IsDue(Local(2026, 12, 7, 1, 5), Local(2026, 12, 7, 23), Chicago));
    }

    [Fact]
    public void IsDue_ReadWholeYesterdayEvening_IsDueAfterOneAm()
    {
        var lastRead = Local(2026, 12, 6, 22);

        Assert.False(DailyFullRead.IsDue(lastRead, Local(2026, 12, 7, 0, 59), Chicago));
        Assert.True(DailyFullRead.IsDue(lastRead, Local(2026, 12, 7, 1, 0), Chicago));
    }
}
