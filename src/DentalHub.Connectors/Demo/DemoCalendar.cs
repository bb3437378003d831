namespace DentalHub.Connectors.Demo;

/// <summary>
/// Which days the sample practice has on its books, relative to the day it is read on: a schedule from
/// <see cref="DaysBack"/> days before to <see cref="DaysAhead"/> days after, open on weekdays except the
/// holidays it closes for, and older account history for balances that have aged.
/// </summary>
public static class DemoCalendar
{
    public const int DaysBack = 60;
    public const int DaysAhead = 60;

    /// <summary>How far back the account history (charges from before the schedule) goes.</summary>
    public const int HistoryDaysBack = 200;

    public static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Weekdays the practice is open, from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static IEnumerable<DateOnly> OpenDays(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWeekday(day) && HolidayOn(day) is null)
            {
                yield return day;
            }
        }
    }

    /// <summary>
    /// The holiday the practice closes for on <paramref name="day"/>, or null. The list has no gap longer than the
    /// schedule's 121 days (Presidents' Day to Memorial Day is the longest, about 105), so every schedule has one.
    /// A holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after.
    /// </summary>
    public static string? HolidayOn(DateOnly day)
    {
        foreach (var year in (int[])[day.Year - 1, day.Year, day.Year + 1])
        {
            foreach (var (date, name) in Holidays(year))
            {
                if (date == day)
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>The holidays in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public static IEnumerable<(DateOnly Date, string Name)> HolidaysBetween(DateOnly first, DateOnly last) =>
        Enumerable.Range(first.Year - 1, last.Year - first.Year + 3)
            .SelectMany(Holidays)
            .Where(h => h.Date >= first && h.Date <= last)
            .OrderBy(h => h.Date);

    private static IEnumerable<(DateOnly Date, string Name)> Holidays(int year)
    {
        yield return (Observed(new DateOnly(year, 1, 1)), "New Year's Day");
        yield return (Nth(year, 2, DayOfWeek.Monday, 3), "Presidents' Day");
        yield return (Last(year, 5, DayOfWeek.Monday), "Memorial Day");
        yield return (Observed(new DateOnly(year, 7, 4)), "Independence Day");
        yield return (Nth(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        yield return (Nth(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day");
        yield return (Observed(new DateOnly(year, 12, 25)), "Christmas Day");
    }

    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
