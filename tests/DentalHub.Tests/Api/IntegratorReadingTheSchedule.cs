using System.Net;
using System.Text.Json;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Api;

/// <summary>
/// Other software reading the practice's schedule through the list routes: clinics, chairs, appointment types,
/// schedule blocks and appointments as they were synced, filtered by day, patient, provider and status.
/// The practice is in America/Chicago; 2026-03-08 is the first day of daylight-saving time there.
/// </summary>
public abstract class IntegratorReadingTheSchedule(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ScriptedPms pms = new();
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private Guid connectionId;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null)
        {
            return;
        }
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Schedule Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        pms.Upsert(ScriptedPms.Patient("101", "Leo", "Rivera", new DateOnly(2014, 9, 1), guarantor: "100"));
        pms.Clinics.Upsert(new PmsClinic("1", "Main Street", "MAIN", new PmsAddress("1 Main St", "Suite 2", "Springfield", "IL", "62701"), "(555) 010-1000", false));
        pms.Operatories.Upsert(
            new PmsOperatory("10", "Op 1", "OP1", "1", "1", null, false, false, 0),
            new PmsOperatory("11", "Hygiene 1", "HYG1", "1", null, "2", true, false, 1));
        pms.AppointmentTypes.Upsert(new PmsAppointmentType("20", "New patient exam", 60, "#FF8800", false));
        pms.Schedules.Upsert(
            new PmsScheduleBlock("30", PmsScheduleKind.ProviderHours, new DateOnly(2026, 3, 9), new TimeOnly(8, 0), new TimeOnly(17, 0), "1", "1", [], null, null),
            new PmsScheduleBlock("31", PmsScheduleKind.Blockout, new DateOnly(2026, 3, 9), new TimeOnly(12, 0), new TimeOnly(13, 0), null, "1", ["10"], "Lunch", "Staff lunch"),
            new PmsScheduleBlock("32", PmsScheduleKind.ProviderHours, new DateOnly(2026, 3, 10), new TimeOnly(7, 30), new TimeOnly(15, 0), "2", "1", [], null, null),
            new PmsScheduleBlock("33", PmsScheduleKind.PracticeClosed, new DateOnly(2026, 3, 11), TimeOnly.MinValue, TimeOnly.MinValue, null, null, [], "Staff day", null));
        pms.Appointments.Upsert(
            Appointment("500", "100", "1", null, new DateTime(2026, 3, 9, 9, 0, 0), 60, PmsAppointmentStatus.Scheduled) with
            {
                OperatoryPmsId = "10", ClinicPmsId = "1", AppointmentTypePmsId = "20", Confirmation = "Confirmed", IsNewPatient = true, Note = "Bring X-rays",
                Procedures = [new PmsAppointmentProcedure("P1", "D0150", "Comprehensive exam", 95.5m), new PmsAppointmentProcedure("P2", "D0210", "Full mouth X-rays", 130m)],
            },
            Appointment("501", "101", "1", "2", new DateTime(2026, 3, 9, 20, 0, 0), 30, PmsAppointmentStatus.Complete) with { OperatoryPmsId = "11" },
            Appointment("502", "100", "3", null, new DateTime(2026, 3, 10, 10, 0, 0), 40, PmsAppointmentStatus.Broken),
            Appointment("503", "200", "3", null, null, 30, PmsAppointmentStatus.Unscheduled));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.Clinics, SyncResources.Operatories,
            SyncResources.AppointmentTypes, SyncResources.Schedules, SyncResources.Appointments);
        client = await app.ApiClientAsync(practice, "Scheduler", ApiScopes.ScheduleRead);
    }

    public async Task DisposeAsync()
    {
        if (app is null)
        {
            return;
        }
        client?.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private void SkipWithoutServer() =>
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);

    private static PmsAppointment Appointment(string id, string patient, string provider, string? hygienist, DateTime? start, int minutes, PmsAppointmentStatus status) =>
        new(id, patient, provider, hygienist, null, null, null, start, minutes, status, null, false, null, null);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<Guid> PatientIdAsync(string pmsId)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.PatientLinks.Where(l => l.PmsId == pmsId).Select(l => l.PatientId).SingleAsync();
    }

    private async Task<List<string>> IdsAsync(string url) =>
        (await client.ReadAsync<ListPage<AppointmentDto>>(url)).Data.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

    [SkippableFact]
    public async Task Clinics_Listed_WithEveryValue()
    {
        SkipWithoutServer();
        var clinic = Assert.Single((await client.ReadAsync<ListPage<ClinicDto>>("/api/v1/clinics")).Data);

        Assert.Equal(("1", connectionId, "Main Street", "MAIN", "1 Main St", "Suite 2", "Springfield", "IL", "62701", "(555) 010-1000", false, (DateTimeOffset?)null),
            (clinic.Id, clinic.ConnectionId, clinic.Name, clinic.Abbreviation, clinic.AddressLine1, clinic.AddressLine2, clinic.City, clinic.State, clinic.PostalCode, clinic.Phone, clinic.IsHidden, clinic.DeletedAt));
    }

    [SkippableFact]
    public async Task OperatoriesAndAppointmentTypes_Listed_WithEveryValue()
    {
        SkipWithoutServer();
        var chairs = (await client.ReadAsync<ListPage<OperatoryDto>>("/api/v1/operatories")).Data.OrderBy(o => o.SortOrder).ToList();
        var type = Assert.Single((await client.ReadAsync<ListPage<AppointmentTypeDto>>("/api/v1/appointment-types")).Data);

        Assert.Equal([("10", "Op 1", "OP1", "1", "1", null, false, 0), ("11", "Hygiene 1", "HYG1", "1", null, "2", true, 1)],
            chairs.Select(o => (o.Id, o.Name, o.Abbreviation, o.ClinicId, o.DentistId, o.HygienistId, o.IsHygiene, o.SortOrder)));
        Assert.Equal(("20", connectionId, "New patient exam", 60, "#FF8800", false), (type.Id, type.ConnectionId, type.Name, type.LengthMinutes, type.Color, type.IsHidden));
    }

    [SkippableFact]
    public async Task Schedules_Listed_InUtcWithTheirPracticeDay()
    {
        SkipWithoutServer();
        var blocks = (await client.ReadAsync<ListPage<ScheduleBlockDto>>("/api/v1/schedules")).Data.ToDictionary(b => b.Id);

        var hours = blocks["30"];
        Assert.Equal((ScheduleBlockKind.ProviderHours, new DateOnly(2026, 3, 9), Utc(2026, 3, 9, 13), Utc(2026, 3, 9, 22), "1", "1"),
            (hours.Kind, hours.Date, hours.StartsAt, hours.EndsAt, hours.ProviderId, hours.ClinicId));
        Assert.Equal(TimeSpan.Zero, hours.StartsAt.Offset);
        var lunch = blocks["31"];
        Assert.Equal((ScheduleBlockKind.Blockout, "Lunch", "Staff lunch", (string?)null), (lunch.Kind, lunch.Label, lunch.Note, lunch.ProviderId));
        Assert.Equal(["10"], lunch.OperatoryIds);
        var closed = blocks["33"];
        Assert.Equal((ScheduleBlockKind.PracticeClosed, Utc(2026, 3, 11, 5), Utc(2026, 3, 12, 5), "Staff day"), (closed.Kind, closed.StartsAt, closed.EndsAt, closed.Label));
        Assert.Empty(closed.OperatoryIds);
    }

    [SkippableTheory]
    [InlineData("from=2026-03-09&to=2026-03-09", new[] { "30", "31" })]
    [InlineData("from=2026-03-10", new[] { "32", "33" })]
    [InlineData("to=2026-03-10", new[] { "30", "31", "32" })]
    [InlineData("provider_id=2", new[] { "32" })]
    [InlineData("from=2026-03-09&to=2026-03-10&provider_id=1", new[] { "30" })]
    [InlineData("provider_id=99", new string[0])]
    public async Task Schedules_FilteredByDayAndProvider_OnlyThoseBlocks(string query, string[] expected)
    {
        SkipWithoutServer();
        var page = await client.ReadAsync<ListPage<ScheduleBlockDto>>("/api/v1/schedules?" + query);
        Assert.Equal(expected, page.Data.Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Appointments_Listed_WithTimesInUtcTheirPracticeDayAndCost()
    {
        SkipWithoutServer();
        var appointments = (await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments")).Data.ToDictionary(a => a.Id);
        var dana = await PatientIdAsync("100");
        var leo = await PatientIdAsync("101");

        var exam = appointments["500"];
        Assert.Equal(("100", dana, "1", (string?)null, "10", "1", "20"), (exam.PmsPatientId, exam.PatientId, exam.ProviderId, exam.HygienistId, exam.OperatoryId, exam.ClinicId, exam.AppointmentTypeId));
        Assert.Equal((Utc(2026, 3, 9, 14), Utc(2026, 3, 9, 15), new DateOnly(2026, 3, 9), 60), (exam.StartsAt!.Value, exam.EndsAt!.Value, exam.LocalDate, exam.LengthMinutes));
        Assert.Equal((AppointmentStatus.Scheduled, "Confirmed", true, "Bring X-rays"), (exam.Status, exam.Confirmation, exam.IsNewPatient, exam.Note));
        Assert.Equal(225.50m, exam.TotalFee);
        // The scripted PMS gives no estimates: unknown, not zero.
        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null), (exam.InsuranceEstimate, exam.WriteOffEstimate, exam.PatientPortion));
        Assert.Equal([("P1", "D0150", "Comprehensive exam", 95.50m), ("P2", "D0210", "Full mouth X-rays", 130.00m)],
            exam.Procedures!.Select(p => (p.Id, p.Code, p.Description, p.Fee)));
        // 20:00 in Chicago is 01:00 UTC the next day: the practice's day is still the 9th.
        var evening = appointments["501"];
        Assert.Equal((leo, "2", Utc(2026, 3, 10, 1), new DateOnly(2026, 3, 9), AppointmentStatus.Complete), (evening.PatientId, evening.HygienistId, evening.StartsAt!.Value, evening.LocalDate, evening.Status));
        Assert.Equal(((decimal?)null, (IReadOnlyList<AppointmentProcedureDto>?)null), (evening.TotalFee, evening.Procedures));
        var unscheduled = appointments["503"];
        Assert.Equal(((DateTimeOffset?)null, (DateOnly?)null, AppointmentStatus.Unscheduled), (unscheduled.StartsAt, unscheduled.LocalDate, unscheduled.Status));
    }

    [SkippableTheory]
    [InlineData("from=2026-03-09&to=2026-03-09", new[] { "500", "501" })]
    [InlineData("from=2026-03-10", new[] { "502" })]
    [InlineData("to=2026-03-09", new[] { "500", "501" })]
    [InlineData("provider_id=2", new[] { "501" })]
    [InlineData("provider_id=1", new[] { "500", "501" })]
    [InlineData("status=Scheduled,Broken", new[] { "500", "502" })]
    [InlineData("status=complete", new[] { "501" })]
    [InlineData("status=Unscheduled&status=Complete", new[] { "501", "503" })]
    [InlineData("from=2026-03-09&provider_id=3&status=Broken", new[] { "502" })]
    public async Task Appointments_FilteredByDayProviderAndStatus_OnlyThose(string query, string[] expected)
    {
        SkipWithoutServer();
        Assert.Equal(expected, await IdsAsync("/api/v1/appointments?" + query));
    }

    [SkippableFact]
    public async Task Appointments_FilteredByPatient_ThoseOfItsPmsRecords()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");
        var leo = await PatientIdAsync("101");

        Assert.Equal(["500", "502"], await IdsAsync($"/api/v1/appointments?patient_id={dana}"));
        Assert.Equal(["501"], await IdsAsync($"/api/v1/appointments?patient_id={leo}&from=2026-03-09"));
        Assert.Empty(await IdsAsync($"/api/v1/appointments?patient_id={Guid.NewGuid()}"));
    }

    [SkippableFact]
    public async Task Appointments_PatientNotSyncedYet_PatientIdNullThenSetOnceSynced()
    {
        SkipWithoutServer();
        var before = (await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments")).Data.Single(a => a.Id == "503");
        Assert.Equal(("200", (Guid?)null), (before.PmsPatientId, before.PatientId));

        pms.Upsert(ScriptedPms.Patient("200", "Ravi", "Shah", new DateOnly(1990, 1, 2)));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients);

        var after = (await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments")).Data.Single(a => a.Id == "503");
        Assert.Equal(await PatientIdAsync("200"), after.PatientId);
    }

    [SkippableFact]
    public async Task Appointments_PagedByCursor_EachOnceThenOnlyChanges()
    {
        SkipWithoutServer();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments?limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.Data.Select(a => a.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(2, pages);
        Assert.Equal(["500", "501", "502", "503"], seen.Order(StringComparer.Ordinal));

        var copiedAt = (await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments")).Data.Max(a => a.UpdatedAt);
        pms.Appointments.Upsert(Appointment("502", "100", "3", null, new DateTime(2026, 3, 10, 10, 0, 0), 40, PmsAppointmentStatus.Scheduled));
        pms.Appointments.Delete("501");
        await app.SyncAsync(practice, connectionId, SyncResources.Appointments);

        var changed = (await client.ReadAsync<ListPage<AppointmentDto>>($"/api/v1/appointments?updated_since={Uri.EscapeDataString(copiedAt.ToString("O"))}")).Data;
        Assert.Equal(["501", "502"], changed.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.NotNull(changed.Single(a => a.Id == "501").DeletedAt);
        Assert.Equal(AppointmentStatus.Scheduled, changed.Single(a => a.Id == "502").Status);
    }

    [SkippableTheory]
    [InlineData("/api/v1/appointments?from=2026-13-01", "from", "yyyy-MM-dd")]
    [InlineData("/api/v1/appointments?from=03/09/2026", "from", "yyyy-MM-dd")]
    [InlineData("/api/v1/appointments?from=2026-03-10&to=2026-03-09", "to", "on or after from")]
    [InlineData("/api/v1/appointments?patient_id=100", "patient_id", "UUID")]
    [InlineData("/api/v1/appointments?status=Done", "status", "Scheduled, Complete, Broken, Cancelled, Unscheduled, Planned")]
    [InlineData("/api/v1/appointments?status=1", "status", "Scheduled, Complete")]
    [InlineData("/api/v1/appointments?provider_id=", "provider_id", "give a value")]
    [InlineData("/api/v1/appointments?updated_since=yesterday", "updated_since", "ISO 8601")]
    [InlineData("/api/v1/appointments?limit=many", "limit", "1 to 500")]
    [InlineData("/api/v1/schedules?to=tomorrow", "to", "yyyy-MM-dd")]
    [InlineData("/api/v1/schedules?provider_id=1&provider_id=2", "provider_id", "once")]
    [InlineData("/api/v1/clinics?cursor=not-a-cursor", "cursor", "nextCursor")]
    public async Task BadFilter_Is400NamingTheParameterAndWhatItAccepts(string url, string parameter, string accepted)
    {
        SkipWithoutServer();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync());
        var messages = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(accepted, StringComparison.Ordinal));
        Assert.Contains(accepted, problem.GetProperty("detail").GetString());
    }

    [SkippableTheory]
    [InlineData("/api/v1/providers")]
    [InlineData("/api/v1/clinics")]
    [InlineData("/api/v1/operatories")]
    [InlineData("/api/v1/appointment-types")]
    [InlineData("/api/v1/schedules")]
    [InlineData("/api/v1/appointments")]
    public async Task KeyWithoutTheScheduleScope_IsForbidden(string url)
    {
        SkipWithoutServer();
        using var other = await app.ApiClientAsync(practice, "Billing", ApiScopes.InsuranceRead, ApiScopes.LedgerRead, ApiScopes.PatientsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task AppointmentList_IsAuditedAsPatientData_WithThePatientFilteredOn()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");
        await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments");
        await client.ReadAsync<ListPage<AppointmentDto>>($"/api/v1/appointments?patient_id={dana}");
        await client.ReadAsync<ListPage<ClinicDto>>("/api/v1/clinics");
        await client.ReadAsync<ListPage<ScheduleBlockDto>>("/api/v1/schedules");

        await using var db = app.Databases.Create(practice.Tenant);
        var reads = await db.AuditEntries.Where(e => e.Action == AuditActions.PatientRead).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([("ListAppointments (API)", (int?)4, (Guid?)null), ("ListAppointments (API)", (int?)2, dana)], reads.Select(e => (e.Subject, e.Count, e.PatientId)));
        Assert.All(reads, e => Assert.Equal((AuditActorKind.ApiKey, "Scheduler"), (e.ActorKind, e.ActorName)));
    }
}

public sealed class IntegratorReadingTheScheduleOnSqlite() : IntegratorReadingTheSchedule(DatabaseProvider.Sqlite);

public sealed class IntegratorReadingTheScheduleOnPostgres() : IntegratorReadingTheSchedule(DatabaseProvider.Postgres);
