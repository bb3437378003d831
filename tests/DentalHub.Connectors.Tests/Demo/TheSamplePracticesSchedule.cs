using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;

namespace DentalHub.Connectors.Tests.Demo;

/// <summary>What a first run's Schedule page shows: two months either side of today, every chair's day booked.</summary>
public sealed class TheSamplePracticesSchedule
{
    private static readonly DateOnly Today = new(2026, 3, 4);
    private static readonly DemoBook Book = DemoBook.For(DemoPractice.Generate(42), Today);

    private static IEnumerable<DateOnly> Range() =>
        Enumerable.Range(-DemoCalendar.DaysBack, DemoCalendar.DaysBack + DemoCalendar.DaysAhead + 1).Select(Today.AddDays);

    private static IEnumerable<PmsAppointment> On(DateOnly day) =>
        Book.Appointments.Where(a => a.StartLocal is { } start && DateOnly.FromDateTime(start) == day);

    [Fact]
    public void Appointments_EveryOpenWeekday_EveryChairBookedEightToFiveAroundLunchWithoutOverlap()
    {
        var open = DemoCalendar.OpenDays(Today.AddDays(-DemoCalendar.DaysBack), Today.AddDays(DemoCalendar.DaysAhead)).ToList();
        Assert.InRange(open.Count, 80, 88);
        var booked8Hours = new List<double>();
        foreach (var day in open)
        {
            foreach (var chair in DemoOffice.Operatories)
            {
                var booked = On(day).Where(a => a.OperatoryPmsId == chair.PmsId).OrderBy(a => a.StartLocal).ToList();
                var minutes = booked.Sum(a => a.LengthMinutes);
                Assert.True(minutes >= 5 * 60, $"{chair.Name} on {day} is booked for {minutes} minutes of 8 hours");
                booked8Hours.Add(minutes / 480.0);
                foreach (var (earlier, later) in booked.Zip(booked.Skip(1)))
                {
                    Assert.True(earlier.StartLocal!.Value.AddMinutes(earlier.LengthMinutes) <= later.StartLocal, $"{chair.Name} overlaps on {day}");
                }
                Assert.All(booked, a =>
                {
                    var (start, end) = (TimeOnly.FromDateTime(a.StartLocal!.Value), TimeOnly.FromDateTime(a.StartLocal!.Value.AddMinutes(a.LengthMinutes)));
                    Assert.True(start >= DemoOffice.DayStarts && end <= DemoOffice.DayEnds && (end <= DemoOffice.LunchStarts || start >= DemoOffice.LunchEnds),
                        $"{start}-{end} on {day} is outside the day or in lunch");
                });
            }
        }
        Assert.True(booked8Hours.Average() > 0.85, $"chairs are booked {booked8Hours.Average():P0} on average");
        Assert.Empty(Range().Where(d => !open.Contains(d)).SelectMany(On));
    }

    [Fact]
    public void Schedules_EveryOpenWeekday_HoursForEveryProviderAndLunchInEveryChair()
    {
        foreach (var day in DemoCalendar.OpenDays(Today.AddDays(-DemoCalendar.DaysBack), Today.AddDays(DemoCalendar.DaysAhead)))
        {
            var blocks = Book.Schedules.Where(b => b.Date == day).ToList();
            Assert.Equal(DemoOffice.Providers.Select(p => p.PmsId).Order(),
                blocks.Where(b => b.Kind == PmsScheduleKind.ProviderHours && b.Start == new TimeOnly(8, 0) && b.End == new TimeOnly(17, 0)).Select(b => b.ProviderPmsId).Order());
            Assert.Equal(DemoOffice.Operatories.Select(o => o.PmsId).Order(),
                blocks.Where(b => b.Kind == PmsScheduleKind.Blockout && b.Label == "Lunch").SelectMany(b => b.OperatoryPmsIds).Order());
        }
        Assert.DoesNotContain(Book.Schedules, b => b.Date < Today.AddDays(-DemoCalendar.DaysBack) || b.Date > Today.AddDays(DemoCalendar.DaysAhead));
    }

    [Fact]
    public void Schedules_HolidayInRange_PracticeClosedWithNoHoursAndNothingBooked()
    {
        var closed = Book.Schedules.Where(b => b.Kind == PmsScheduleKind.PracticeClosed).ToList();

        // 2026-01-03 to 2026-05-03: New Year's Day is before the range, Presidents' Day (February 16) in it.
        var holiday = Assert.Single(closed);
        Assert.Equal((new DateOnly(2026, 2, 16), "Presidents' Day"), (holiday.Date, holiday.Label));
        Assert.DoesNotContain(Book.Schedules, b => b.Date == holiday.Date && b.Kind != PmsScheduleKind.PracticeClosed);
        Assert.Empty(On(holiday.Date));
    }

    [Fact]
    public void Appointments_BeforeToday_CompleteOrBroken_FromToday_ScheduledWithConfirmations()
    {
        var onSchedule = Book.Appointments.Where(a => a.StartLocal is not null).ToList();
        var past = onSchedule.Where(a => DateOnly.FromDateTime(a.StartLocal!.Value) < Today).ToList();
        var coming = onSchedule.Except(past).ToList();

        Assert.All(past, a => Assert.Contains(a.Status, new[] { PmsAppointmentStatus.Complete, PmsAppointmentStatus.Broken }));
        Assert.InRange(past.Count(a => a.Status == PmsAppointmentStatus.Broken), past.Count / 50, past.Count / 10);
        Assert.All(coming, a => Assert.Equal(PmsAppointmentStatus.Scheduled, a.Status));
        Assert.Equal(["Confirmed", "Left Msg", "Texted", "Unconfirmed"], coming.Select(a => a.Confirmation).Distinct().Order());
        double ConfirmedShare(IEnumerable<PmsAppointment> appointments) => appointments.Average(a => a.Confirmation == "Confirmed" ? 1.0 : 0.0);
        Assert.True(ConfirmedShare(coming.Where(a => DateOnly.FromDateTime(a.StartLocal!.Value) <= Today.AddDays(2))) > 0.5, "the next days are mostly confirmed");
        Assert.True(ConfirmedShare(coming.Where(a => DateOnly.FromDateTime(a.StartLocal!.Value) > Today.AddDays(7))) < 0.2, "weeks ahead are mostly not");
    }

    [Fact]
    public void Appointments_Each_HasProceduresWithCdtCodesDescriptionsAndFees()
    {
        Assert.All(Book.Appointments, a =>
        {
            Assert.NotEmpty(a.Procedures!);
            Assert.All(a.Procedures!, p => Assert.Matches("^D[0-9]{4}$", p.Code!));
            Assert.All(a.Procedures!, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            Assert.All(a.Procedures!, p => Assert.True(p.Fee > 0));
            Assert.Contains(a.AppointmentTypePmsId, DemoOffice.AppointmentTypes.Select(t => t.PmsId));
        });
        var procedures = Book.Appointments.SelectMany(a => a.Procedures!).Select(p => p.PmsId).ToList();
        Assert.Equal(procedures.Count, procedures.Distinct().Count());
    }

    [Fact]
    public void Appointments_Unscheduled_HaveNoTimeAndComeBackForWork()
    {
        var waiting = Book.Appointments.Where(a => a.StartLocal is null).ToList();

        Assert.Contains(waiting, a => a.Status == PmsAppointmentStatus.Unscheduled);
        Assert.All(waiting, a => Assert.Contains(a.Status, new[] { PmsAppointmentStatus.Unscheduled, PmsAppointmentStatus.Planned }));
    }

    [Fact]
    public void Appointments_ProblemRecordsInactivePatientsAndToddlers_HaveNone()
    {
        var practice = DemoPractice.Generate(42);
        var patients = practice.Patients.ToDictionary(p => p.PmsId);
        var booked = Book.Appointments.Select(a => a.PatientPmsId).ToHashSet();

        Assert.DoesNotContain(practice.Patients, p => booked.Contains(p.PmsId) && (practice.ProblemPatientIds.Contains(p.PmsId) || p.Status != PmsPatientStatus.Active));
        Assert.DoesNotContain(Book.Appointments, a => a.StartLocal is { } start && patients[a.PatientPmsId!].BirthDate!.Value.AddYears(3) > DateOnly.FromDateTime(start));
        Assert.InRange(booked.Count, 150, practice.Patients.Count);
    }

    [Fact]
    public void Book_SameSeedAndDay_SameRecords_AndStaysSmall()
    {
        var again = DemoBook.For(DemoPractice.Generate(42), Today);

        Assert.Equal(JsonSerializer.Serialize(Book), JsonSerializer.Serialize(again));
        Assert.InRange(Book.Appointments.Count, 3_000, 20_000);
        Assert.InRange(Book.LedgerEntries.Count, 1_000, 20_000);
    }

    [Fact]
    public void Book_NextDay_KeepsEveryDaysAppointmentsAndTheirPatients()
    {
        var tomorrow = DemoBook.For(DemoPractice.Generate(42), Today.AddDays(1)).Appointments.ToDictionary(a => a.PmsId);

        var kept = Book.Appointments.Where(a => tomorrow.ContainsKey(a.PmsId)).ToList();

        Assert.True(kept.Count > Book.Appointments.Count * 9 / 10);
        Assert.All(kept, a => Assert.Equal((a.PatientPmsId, a.StartLocal, a.OperatoryPmsId), (tomorrow[a.PmsId].PatientPmsId, tomorrow[a.PmsId].StartLocal, tomorrow[a.PmsId].OperatoryPmsId)));
    }
}
