using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Schedule.Bookings;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// A booking for a profile Open Dental does not have (Ada Lovelace, made in DentalHub) adds her to Open Dental first and
/// then books her, through the API double: exactly one patient and one appointment whatever answer is lost, the profile
/// linked to the new patient so the next sync finds it rather than adding a second profile, and a booking that waits,
/// visibly, while her patient record is refused or needs a person.
/// </summary>
public abstract class NewPatientWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private OpenDentalWritebackHost host = default!;
    private HttpClient client = default!;
    private Guid ada;
    private DateOnly day;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private async Task<OpenDentalApiTestDouble> StartAsync(DateOnly? born = null)
    {
        day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime).AddDays(7);
        host = await OpenDentalWritebackHost.StartAsync(provider, "New Patient Dental", Office,
            SyncResources.Providers, SyncResources.Operatories, SyncResources.Schedules);
        await host.SetWritebackAsync(s => s.WriteAppointments = true);
        ada = await host.App.AddPatientAsync(host.Practice, "Ada", "Lovelace", born ?? new DateOnly(1990, 1, 2));
        client = await host.App.ApiClientAsync(host.Practice, "Scheduler", ApiScopes.AppointmentsWrite);
        return host.Api;
    }

    private void Office(OpenDentalApiTestDouble api)
    {
        api.Put("providers", 1, new Dictionary<string, object?> { ["ProvNum"] = "1", ["Abbr"] = "DOC1", ["FName"] = "Dana", ["LName"] = "Doc1", ["IsHidden"] = "false", ["IsSecondary"] = "false" });
        api.Put("operatories", 1, new Dictionary<string, object?> { ["OperatoryNum"] = "1", ["OpName"] = "Op 1", ["Abbrev"] = "OP1", ["IsHidden"] = "false", ["ItemOrder"] = "1" });
        api.Put(OpenDentalApiTestDouble.Schedules, 1, new Dictionary<string, object?>
        {
            ["ScheduleNum"] = "1", ["SchedDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["StartTime"] = "08:00:00", ["StopTime"] = "17:00:00",
            ["SchedType"] = "Provider", ["ProvNum"] = "1", ["BlockoutType"] = "0", ["blockoutType"] = "", ["Note"] = "", ["operatories"] = "1", ["EmployeeNum"] = "0",
        });
    }

    private async Task<HttpResponseMessage> BookAdaAsync() =>
        await client.PostAsJsonAsync("/api/v1/appointments",
            new BookAppointmentRequest(ada, "1", "1", day.ToDateTime(new TimeOnly(10, 0)), 60, null, "New patient exam"), TestApiClients.Json);

    private async Task<AppointmentChangeDto> BookedAsync()
    {
        using var response = await BookAdaAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        host.Writeback.CatchUpWithTheApp();
        return (await response.Content.ReadFromJsonAsync<AppointmentChangeDto>(TestApiClients.Json))!;
    }

    private Task<AppointmentChangeDto> ChangeAsync(Guid id) => client.ReadAsync<AppointmentChangeDto>($"/api/v1/appointment-changes/{id}");

    /// <summary>Runs the dispatcher until the new patient is settled one way or another (the booking behind a stuck one never settles).</summary>
    private async Task<WritebackCommand> RunUntilThePatientSettlesAsync()
    {
        for (var round = 0; round < 10; round++)
        {
            await host.Writeback.RunOnceAsync();
            var adding = (await host.Writeback.CommandsAsync()).Single(c => c.Kind == WritebackKinds.NewPatient);
            if (adding.State is not (WritebackState.Pending or WritebackState.Sending or WritebackState.Unknown))
            {
                return adding;
            }
            host.Writeback.Clock.Advance(TimeSpan.FromMinutes(3));
        }
        throw new InvalidOperationException("The new patient did not settle.");
    }

    private DoublePatient AddedAda() => Assert.Single(host.Api.Patients, p => p.PatNum != OpenDentalWritebackHost.PatNum);

    private async Task<string?> AdasLinkAsync()
    {
        await using var db = host.App.Databases.Create(host.Practice.Tenant);
        return await db.PatientLinks.Where(l => l.PatientId == ada).Select(l => l.PmsId).SingleOrDefaultAsync();
    }

    [SkippableFact]
    public async Task Booking_ProfileOpenDentalDoesNotHave_OnePatientAndOneAppointmentAndTheNextSyncAddsNoProfile()
    {
        var od = await StartAsync();

        var booking = await BookedAsync();
        Assert.Equal((AppointmentWriteDisplay.Pending, "Adds the patient to Open Dental first, then books"), (booking.State, booking.StateText));
        await host.Writeback.RunUntilQuietAsync();

        var added = AddedAda();
        Assert.Equal(("Ada", "Lovelace", "1990-01-02", 1L), (added.FName, added.LName, added.Birthdate, added.PriProv));
        var booked = Assert.Single(od.AllAppointments);
        Assert.Equal((added.PatNum, 1L), (booked.PatNum, booked.Op));
        Assert.Equal(added.PatNum.ToString(CultureInfo.InvariantCulture), await AdasLinkAsync());
        Assert.Equal((1, 1), (od.PatientWrites.Posts, od.AppointmentWrites.Posts));
        Assert.Equal((AppointmentWriteDisplay.Done, "Booked in Open Dental"), ((await ChangeAsync(booking.Id)).State, (await ChangeAsync(booking.Id)).StateText));
        await host.SyncAsync(SyncResources.Patients);
        await using var db = host.App.Databases.Create(host.Practice.Tenant);
        Assert.Equal(2, await db.Patients.CountAsync());
        Assert.Equal(2, await db.PatientLinks.CountAsync());
    }

    [SkippableFact]
    public async Task Booking_SecondBookingBeforeThePatientIsAdded_PatientAddedOnceAndBothBooked()
    {
        var od = await StartAsync();
        await BookedAsync();
        using (var second = await client.PostAsJsonAsync("/api/v1/appointments",
                   new BookAppointmentRequest(ada, "1", "1", day.ToDateTime(new TimeOnly(14, 0)), 30, null, null), TestApiClients.Json))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }
        host.Writeback.CatchUpWithTheApp();

        await host.Writeback.RunUntilQuietAsync();

        Assert.Equal(1, od.PatientWrites.Posts);
        Assert.All(od.AllAppointments, a => Assert.Equal(AddedAda().PatNum, a.PatNum));
        Assert.Equal(2, od.AllAppointments.Count);
    }

    [SkippableFact]
    public async Task Booking_AnswerToAddingThePatientLost_FoundByItsMarkNotAddedTwice()
    {
        var od = await StartAsync();
        od.PatientWrites.FailNext(PaymentFault.DropAfterCommit);
        await BookedAsync();

        await host.Writeback.RunUntilQuietAsync();

        Assert.Equal(1, od.PatientWrites.Posts);
        Assert.Equal(AddedAda().PatNum, Assert.Single(od.AllAppointments).PatNum);
        Assert.Single(od.PatFields);
    }

    [SkippableFact]
    public async Task Booking_AnswerLostBetweenAddingAndMarking_PatientAdoptedAndMarked()
    {
        var od = await StartAsync();
        od.AddPatFieldDef("DentalHub reference");
        od.PatFieldWrites.FailNext(PaymentFault.Status500BeforeCommit);
        await BookedAsync();

        await host.Writeback.RunUntilQuietAsync();

        var added = AddedAda();
        Assert.Equal(1, od.PatientWrites.Posts);
        Assert.Equal(added.PatNum, Assert.Single(od.PatFields).PatNum);
        Assert.Equal(added.PatNum.ToString(CultureInfo.InvariantCulture), await AdasLinkAsync());
        Assert.Single(od.AllAppointments);
    }

    [SkippableFact]
    public async Task Booking_TwoPatientsLikeHerAddedSinceAndNeitherMarked_NeedsReviewAndNothingIsBooked()
    {
        var od = await StartAsync();
        od.AddPatFieldDef("DentalHub reference");
        od.AddPatientToday("Ada", "Lovelace", "1990-01-02");
        od.PatFieldWrites.FailNext(PaymentFault.Status500BeforeCommit);
        var booking = await BookedAsync();

        var adding = await RunUntilThePatientSettlesAsync();
        await host.Writeback.RunOnceAsync();

        Assert.Equal(WritebackState.NeedsReview, adding.State);
        Assert.Equal(0, od.AppointmentWrites.Posts);
        Assert.Null(await AdasLinkAsync());
        var shown = await ChangeAsync(booking.Id);
        Assert.Equal(AppointmentWriteDisplay.NeedsReview, shown.State);
        Assert.StartsWith("Not booked yet, the new patient needs review: 2 patients with this name and birthdate", shown.StateText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Booking_OpenDentalRefusesThePatient_BookingWaitsSayingWhyAndTryAgainBooksIt()
    {
        var od = await StartAsync();
        od.AddPatFieldDef("DentalHub reference", hidden: true);
        var booking = await BookedAsync();

        var adding = await RunUntilThePatientSettlesAsync();
        await host.Writeback.RunOnceAsync();

        Assert.Equal(WritebackState.Rejected, adding.State);
        Assert.Equal((0, 0), (od.PatientWrites.Posts, od.AppointmentWrites.Posts));
        var waiting = await ChangeAsync(booking.Id);
        Assert.Equal(AppointmentWriteDisplay.Refused, waiting.State);
        Assert.Contains("Not booked yet: Open Dental did not add the patient", waiting.StateText, StringComparison.Ordinal);
        Assert.Contains("is hidden in Open Dental", waiting.StateText, StringComparison.Ordinal);
        od.SetPatFieldDefHidden("DentalHub reference", hidden: false);
        Assert.True(await host.App.Services.GetRequiredService<WritebackActions>().RetryAsync(host.Practice.Tenant, RewardsTestData.Staff, adding.Id, CancellationToken.None));
        host.Writeback.CatchUpWithTheApp();
        await host.Writeback.RunUntilQuietAsync();
        Assert.Equal(AddedAda().PatNum, Assert.Single(od.AllAppointments).PatNum);
        Assert.Equal(AppointmentWriteDisplay.Done, (await ChangeAsync(booking.Id)).State);
    }

    [SkippableFact]
    public async Task Booking_ProfileWithoutABirthdate_422SayingWhatToAddAndNothingQueued()
    {
        await StartAsync();
        await using (var db = host.App.Databases.Create(host.Practice.Tenant))
        {
            await db.Patients.Where(p => p.Id == ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.BirthDate, (DateOnly?)null));
        }

        using var response = await BookAdaAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestApiClients.Json))!;
        Assert.Equal(AppointmentBookings.NeedsDetails("Open Dental"), Assert.Single(problem.Errors["patientId"]));
        Assert.DoesNotContain(await host.Writeback.CommandsAsync(), c => c.Kind is WritebackKinds.NewPatient or WritebackKinds.Appointment);
    }
}

public sealed class NewPatientWritebackOnSqlite() : NewPatientWritebackSuite(DatabaseProvider.Sqlite);

public sealed class NewPatientWritebackOnPostgres() : NewPatientWritebackSuite(DatabaseProvider.Postgres);
