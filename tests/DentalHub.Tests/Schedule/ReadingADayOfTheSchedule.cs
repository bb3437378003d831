using DentalHub.Connectors.Contract;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Schedule;

/// <summary>The Schedule page's day: who sees which appointment in which column, and patients named once synced.</summary>
public sealed class ReadingADayOfTheSchedule : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 9);
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Day Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Providers.Upsert(
            new PmsProvider("1", "Ann", "Lee", "DOC1", null, null, false, false, null),
            new PmsProvider("2", "Bo", "Park", "HYG1", null, null, true, false, null));
        pms.Appointments.Upsert(
            Appointment("10", dentist: "1", hygienist: null, at: new TimeOnly(8, 0), patient: "100"),
            Appointment("11", dentist: "1", hygienist: "2", at: new TimeOnly(9, 0), patient: "101"),
            Appointment("12", dentist: "1", hygienist: null, at: new TimeOnly(10, 0), patient: "102") with { Status = PmsAppointmentStatus.Unscheduled });
        pms.Upsert(ScriptedPms.Patient("100", "Ana", "Ruiz", new DateOnly(1980, 1, 1)));
        foreach (var resource in new[] { SyncResources.Patients, SyncResources.Providers, SyncResources.Appointments })
        {
            await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, resource, SyncTrigger.Manual, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private static PmsAppointment Appointment(string id, string dentist, string? hygienist, TimeOnly at, string patient) =>
        new(id, patient, dentist, hygienist, "1", null, null, Day.ToDateTime(at), 60, PmsAppointmentStatus.Scheduled, "Confirmed", false, null, []);

    private Task<ScheduleDay> DayAsync(ScheduleColumns by) =>
        app.Services.GetRequiredService<ScheduleDayQuery>().DayAsync(practice.Tenant, Day, by, CancellationToken.None);

    [Fact]
    public async Task ByProvider_HygieneVisit_IsInTheHygienistsColumn()
    {
        var day = await DayAsync(ScheduleColumns.Provider);

        var columns = day.Columns.ToDictionary(c => c.Title, c => c.Appointments.Select(a => a.PmsId).ToList());
        Assert.Equal(["10"], columns["Ann Lee (DOC1)"]);
        Assert.Equal(["11"], columns["Bo Park (HYG1)"]);
    }

    [Fact]
    public async Task Day_UnscheduledAppointment_IsNotOnIt()
    {
        var day = await DayAsync(ScheduleColumns.Chair);

        Assert.DoesNotContain(day.Columns.SelectMany(c => c.Appointments), a => a.PmsId == "12");
    }

    [Fact]
    public async Task Day_PatientNotSyncedYet_IsShownByPmsIdWithoutALink()
    {
        var day = await DayAsync(ScheduleColumns.Provider);
        var appointments = day.Columns.SelectMany(c => c.Appointments).ToDictionary(a => a.PmsId);

        Assert.Equal("Ana Ruiz", appointments["10"].PatientName);
        Assert.NotNull(appointments["10"].PatientId);
        Assert.Null(appointments["11"].PatientId);
        Assert.Contains("101", appointments["11"].PatientName);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(10, 0)), (appointments["11"].Start, appointments["11"].End));
    }
}
