using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Alerts;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Schedule;
using DentalHub.Schedule.Bookings;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Schedule;

/// <summary>
/// Appointments booked and changed from DentalHub through the API, written to Open Dental exactly once: over HTTP to the
/// Open Dental API double (one provider's hours, a lunch blockout in chair 1, one appointment at 9), the dispatcher on a
/// clock the test drives. A slot the hub's schedule refuses is never queued; one Open Dental refuses stays visible.
/// </summary>
public abstract class AppointmentWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatNum = 11;
    private const long Existing = 900;

    private DentalHubApp? app;
    private OpenDentalApiTestDouble? api;
    private HttpClient client = default!;
    private TestPractice practice = default!;
    private Guid connectionId;
    private Guid patientId;
    private DateOnly day;
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private async Task<OpenDentalApiTestDouble> StartAsync(bool writeAppointments = true)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        api = await OpenDentalApiTestDouble.StartAsync();
        day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime).AddDays(7);
        api.Add([new DoublePatient(PatNum, "Nora", "Quinn", api.OfficeNow.AddMinutes(-5), Birthdate: "1984-03-02")]);
        foreach (var number in new long[] { 1, 2 })
        {
            var id = number.ToString(CultureInfo.InvariantCulture);
            api.Put("providers", number, new Dictionary<string, object?> { ["ProvNum"] = id, ["Abbr"] = $"DOC{id}", ["FName"] = "Dana", ["LName"] = $"Doc{id}", ["IsHidden"] = "false", ["IsSecondary"] = "false" });
            api.Put("operatories", number, new Dictionary<string, object?> { ["OperatoryNum"] = id, ["OpName"] = $"Op {id}", ["Abbrev"] = $"OP{id}", ["IsHidden"] = "false", ["ItemOrder"] = id });
        }
        api.Put(OpenDentalApiTestDouble.Schedules, 1, Schedule(1, "Provider", "08:00:00", "17:00:00", provNum: 1, operatories: "1,2"));
        api.Put(OpenDentalApiTestDouble.Schedules, 2, Schedule(2, "Blockout", "12:00:00", "13:00:00", operatories: "1", blockout: "Lunch"));
        api.PutAppointments(new DoubleAppointment(Existing, PatNum, "Scheduled", day.ToDateTime(new TimeOnly(9, 0)), Pattern: "XXXXXXXXXXXX", Op: 1));
        practice = await app.AddPracticeAsync("Booking Dental");
        connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.Providers, SyncResources.Operatories, SyncResources.Schedules, SyncResources.Appointments);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            patientId = await db.Patients.Select(p => p.Id).SingleAsync();
        }
        var settings = app.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, CancellationToken.None);
        changed.WriteAppointments = writeAppointments;
        await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
        client = await app.ApiClientAsync(practice, "Scheduler", ApiScopes.AppointmentsWrite);
        return api;
    }

    private Dictionary<string, object?> Schedule(long number, string type, string start, string stop, long provNum = 0, string operatories = "", string blockout = "") => new()
    {
        ["ScheduleNum"] = number.ToString(CultureInfo.InvariantCulture), ["SchedDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StartTime"] = start, ["StopTime"] = stop, ["SchedType"] = type, ["ProvNum"] = provNum.ToString(CultureInfo.InvariantCulture),
        ["BlockoutType"] = blockout.Length == 0 ? "0" : "7", ["blockoutType"] = blockout, ["Note"] = "", ["operatories"] = operatories, ["EmployeeNum"] = "0",
    };

    private DateTime At(int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

    private async Task<HttpResponseMessage> BookAsync(DateTime start, string chair = "2", int minutes = 60) =>
        await client.PostAsJsonAsync("/api/v1/appointments", new BookAppointmentRequest(patientId, "1", chair, start, minutes, null, "Cleaning"), TestApiClients.Json);

    private async Task<AppointmentChangeDto> BookedAsync(DateTime start, string chair = "2")
    {
        using var response = await BookAsync(start, chair);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        CatchUpWithTheApp();
        return (await response.Content.ReadFromJsonAsync<AppointmentChangeDto>(TestApiClients.Json))!;
    }

    private Task<AppointmentChangeDto> ChangeAsync(Guid id) => client.ReadAsync<AppointmentChangeDto>($"/api/v1/appointment-changes/{id}");

    /// <summary>The app queues on its real clock: the dispatcher's clock is brought to it, so what was queued is due at once.</summary>
    private void CatchUpWithTheApp()
    {
        var queuedBy = TimeProvider.System.GetUtcNow().AddSeconds(1);
        if (clock.GetUtcNow() < queuedBy)
        {
            clock.SetUtcNow(queuedBy);
        }
    }

    private WritebackDispatcher NewDispatcher() => new(
        app!.Databases, app.Services.GetRequiredService<ConnectorFactory>(), app.Services.GetServices<IWritebackTarget>(),
        WritebackHarness.Policy, clock, NullLogger<WritebackDispatcher>.Instance);

    private async Task RunUntilQuietAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            await NewDispatcher().RunOnceAsync(CancellationToken.None);
            if (!(await CommandsAsync()).Any(c => c.State is WritebackState.Pending or WritebackState.Sending or WritebackState.Unknown))
            {
                return;
            }
            clock.Advance(TimeSpan.FromMinutes(3));
        }
        throw new InvalidOperationException("Writeback did not settle.");
    }

    private async Task<List<WritebackCommand>> CommandsAsync()
    {
        await using var db = app!.Databases.Create(practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().ToListAsync();
    }

    private Task<ScheduleDay> DayAsync() =>
        app!.Services.GetRequiredService<ScheduleDayQuery>().DayAsync(practice.Tenant, day, ScheduleColumns.Chair, CancellationToken.None);

    private List<DoubleAppointment> Booked() => api!.AllAppointments.Where(a => a.AptNum != Existing).ToList();

    [SkippableFact]
    public async Task Booking_FreeSlot_BookedOnceAndShownOnceAfterTheNextRead()
    {
        var od = await StartAsync();

        var booking = await BookedAsync(At(10));
        Assert.Equal((AppointmentWriteDisplay.Pending, "Being booked in Open Dental"), (booking.State, booking.StateText));
        Assert.Single((await DayAsync()).Columns.SelectMany(c => c.Appointments), a => a.IsPendingBooking);
        await RunUntilQuietAsync();

        var booked = Assert.Single(Booked());
        Assert.Equal((PatNum, 2L, 1L, At(10), 12), (booked.PatNum, booked.Op, booked.ProvNum, booked.AptDateTime!.Value, booked.Pattern.Length));
        Assert.StartsWith($"[DentalHub ref {Assert.Single(await CommandsAsync()).Reference}] Booked from DentalHub by Scheduler. Cleaning", booked.Note, StringComparison.Ordinal);
        var done = await ChangeAsync(booking.Id);
        Assert.Equal((AppointmentWriteDisplay.Done, "Booked in Open Dental", booked.AptNum.ToString(CultureInfo.InvariantCulture)), (done.State, done.StateText, done.AppointmentId));
        await app!.SyncAsync(practice, connectionId, SyncResources.Appointments);
        var shown = (await DayAsync()).Columns.SelectMany(c => c.Appointments).Where(a => a.Start == new TimeOnly(10, 0)).ToList();
        var one = Assert.Single(shown);
        Assert.Equal((booked.AptNum.ToString(CultureInfo.InvariantCulture), false, "Booked in Open Dental"), (one.PmsId, one.IsPendingBooking, one.Write?.Text));
        Assert.Equal(1, od.AppointmentWrites.Posts);
    }

    [SkippableFact]
    public async Task Booking_AnswerLostAfterOpenDentalKeptIt_FoundByReadingBackNotPostedTwice()
    {
        var od = await StartAsync();
        od.AppointmentWrites.FailNext(PaymentFault.DropAfterCommit);
        var booking = await BookedAsync(At(10));

        await NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(WritebackState.Unknown, Assert.Single(await CommandsAsync()).State);
        Assert.Equal(AppointmentWriteDisplay.Pending, (await ChangeAsync(booking.Id)).State);
        clock.Advance(TimeSpan.FromMinutes(1));
        await RunUntilQuietAsync();

        var booked = Assert.Single(Booked());
        Assert.Equal(1, od.AppointmentWrites.Posts);
        Assert.Contains(od.Requests, r => r.Method == "GET" && r.Path == "/api/v1/appointments" && r.Query.GetValueOrDefault("PatNum") == "11");
        Assert.Equal(booked.AptNum.ToString(CultureInfo.InvariantCulture), (await ChangeAsync(booking.Id)).AppointmentId);
    }

    [SkippableTheory]
    [InlineData(PaymentFault.Status429, 2)]
    [InlineData(PaymentFault.Status500AfterCommit, 1)]
    [InlineData(PaymentFault.Status500BeforeCommit, 2)]
    public async Task Booking_AfterOneFault_IsInOpenDentalExactlyOnce(PaymentFault fault, int posts)
    {
        var od = await StartAsync();
        od.AppointmentWrites.FailNext(fault);
        await BookedAsync(At(10));

        await RunUntilQuietAsync();

        Assert.Single(Booked());
        Assert.Equal(posts, od.AppointmentWrites.Posts);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task Booking_KeysRefused_WaitsForTheConnectionWithOneConnectionAlertAndBooksOnceWhenItWorks()
    {
        var od = await StartAsync();
        od.AppointmentWrites.FailNext(PaymentFault.Status401);
        var booking = await BookedAsync(At(10));

        await NewDispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Empty(Booked());
        Assert.Equal(AppointmentWriteDisplay.Pending, (await ChangeAsync(booking.Id)).State);
        await using (var db = app!.Databases.Create(practice.Tenant))
        {
            var alert = await db.Alerts.SingleAsync();
            Assert.Equal((AlertKinds.ConnectionNeedsAttention, $"/connections/{connectionId}"), (alert.Kind, alert.Link));
        }
        clock.Advance(TimeSpan.FromHours(1));
        await RunUntilQuietAsync();
        Assert.Single(Booked());
        Assert.Equal(AppointmentWriteDisplay.Done, (await ChangeAsync(booking.Id)).State);
    }

    [SkippableTheory]
    [InlineData(17, 0, "start", "5:00 PM–6:00 PM is outside the hours of Dana Doc1 (DOC1)")]
    [InlineData(12, 30, "start", "Op 1 is blocked out 12:00 PM–1:00 PM (Lunch).")]
    [InlineData(9, 30, "start", "Op 1 already has an appointment 9:00 AM–10:00 AM.")]
    public async Task Booking_SlotTheScheduleRefuses_422NamingTheFieldAndNothingQueued(int hour, int minute, string field, string why)
    {
        var od = await StartAsync();

        using var response = await BookAsync(At(hour, minute), chair: "1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestApiClients.Json))!;
        Assert.Contains(why, Assert.Single(problem.Errors[field]), StringComparison.Ordinal);
        Assert.Empty(await CommandsAsync());
        Assert.Equal(0, od.AppointmentWrites.Posts);
    }

    [SkippableFact]
    public async Task Booking_SlotOpenDentalRefuses_StaysVisibleNotBookedWithOpenDentalsReasonAndRetryable()
    {
        var od = await StartAsync();
        // Booked in Open Dental since the last read: the hub cannot know.
        od.PutAppointments(new DoubleAppointment(901, PatNum, "Scheduled", At(14), Pattern: "XXXXXX", Op: 2));
        var booking = await BookedAsync(At(14));

        await RunUntilQuietAsync();

        Assert.DoesNotContain(Booked(), a => a.AptNum != 901);
        var refused = await ChangeAsync(booking.Id);
        Assert.Equal((AppointmentWriteDisplay.Refused, $"Not booked: Open Dental refused the appointment: {OpenDentalApiTestDouble.OverlapText}"), (refused.State, refused.StateText));
        var pending = Assert.Single((await DayAsync()).Columns.SelectMany(c => c.Appointments), a => a.IsPendingBooking);
        Assert.Equal(AppointmentWriteDisplay.Refused, pending.Write!.State);
        await using (var db = app!.Databases.Create(practice.Tenant))
        {
            var alert = await db.Alerts.SingleAsync();
            Assert.Equal((AlertKinds.AppointmentNotWritten, $"/patients/{patientId}#appointments"), (alert.Kind, alert.Link));
            Assert.DoesNotContain("Nora", alert.Text, StringComparison.Ordinal);
        }

        od.DeleteAppointment(901);
        Assert.True(await app.Services.GetRequiredService<WritebackActions>().RetryAsync(practice.Tenant, RewardsTestData.Staff, Assert.Single(await CommandsAsync()).Id, CancellationToken.None));
        CatchUpWithTheApp();
        await RunUntilQuietAsync();

        Assert.Single(Booked());
        Assert.Equal(AppointmentWriteDisplay.Done, (await ChangeAsync(booking.Id)).State);
    }

    [SkippableFact]
    public async Task Reschedule_ThenConfirm_MovedAndConfirmedInOpenDentalOnceEach()
    {
        var od = await StartAsync();
        var existing = Existing.ToString(CultureInfo.InvariantCulture);

        using var moved = await client.PostAsJsonAsync($"/api/v1/appointments/{existing}/reschedule",
            new RescheduleAppointmentRequest("1", "2", At(15), null, null), TestApiClients.Json);
        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);
        using var confirmed = await client.PostAsync($"/api/v1/appointments/{existing}/confirm", null);
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        CatchUpWithTheApp();
        od.AppointmentWrites.FailNext(PaymentFault.Status500AfterCommit);
        await RunUntilQuietAsync();

        var now = Assert.Single(od.AllAppointments);
        Assert.Equal((At(15), 2L, 12, "Confirmed"), (now.AptDateTime!.Value, now.Op, now.Pattern.Length, now.ConfirmedName));
        Assert.Equal(2, od.AppointmentWrites.Posts);
        Assert.All(await CommandsAsync(), c => Assert.Equal(WritebackState.Confirmed, c.State));
        await app!.SyncAsync(practice, connectionId, SyncResources.Appointments);
        var shown = Assert.Single((await DayAsync()).Columns.SelectMany(c => c.Appointments));
        Assert.Equal((new TimeOnly(15, 0), "Confirmed in Open Dental"), (shown.Start, shown.Write?.Text));
    }

    [SkippableFact]
    public async Task Cancel_AnAppointment_BrokenInOpenDentalAndACancelledOneCannotBeCancelledAgain()
    {
        var od = await StartAsync();

        using var cancelled = await client.PostAsync($"/api/v1/appointments/{Existing}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        CatchUpWithTheApp();
        await RunUntilQuietAsync();
        await app!.SyncAsync(practice, connectionId, SyncResources.Appointments);
        using var again = await client.PostAsync($"/api/v1/appointments/{Existing}/cancel", null);

        Assert.Equal("Broken", Assert.Single(od.AllAppointments).AptStatus);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Single(await CommandsAsync());
    }

    [SkippableFact]
    public async Task Booking_WritebackOff_409SayingWhereToTurnItOnAndNothingQueued()
    {
        await StartAsync(writeAppointments: false);

        using var response = await BookAsync(At(10));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestApiClients.Json))!;
        Assert.Equal(AppointmentBookings.WritebackOff, problem.Detail);
        Assert.Empty(await CommandsAsync());
        Assert.False((await DayAsync()).WritebackOn);
    }
}

public sealed class AppointmentWritebackOnSqlite() : AppointmentWritebackSuite(DatabaseProvider.Sqlite);

public sealed class AppointmentWritebackOnPostgres() : AppointmentWritebackSuite(DatabaseProvider.Postgres);
