using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Schedule;

/// <summary>
/// The practice's operational data synced into its tables: chairs, appointment types, clinics and schedule
/// blocks as stored (values, UTC times of a practice in America/Chicago across the spring change), what an
/// unchanged re-sync costs, edits, and blocks that cannot come over.
/// </summary>
public abstract class ScheduleResourcesSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeOnly Midnight = TimeOnly.MinValue;
    private readonly ScriptedPms pms = new();
    private DentalHubApp? app;
    private TestPractice practice = default!;
    private Guid connectionId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private async Task StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider));
        // TestTenants puts every practice in America/Chicago.
        practice = await app.AddPracticeAsync("Schedule Dental");
        connectionId = await app.ConnectAsync(practice, pms);
    }

    private async Task SyncAsync(string resource)
    {
        var outcome = await app!.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, resource, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
    }

    private DentalHubDb Db() => app!.Databases.Create(practice.Tenant);

    private async Task<SyncRun> LastRunAsync(string resource)
    {
        await using var db = Db();
        return await db.SyncRuns.Where(r => r.Resource == resource).OrderByDescending(r => r.StartedAt).FirstAsync();
    }

    private static PmsScheduleBlock Hours(string id, DateOnly date, TimeOnly start, TimeOnly end, string provider = "3") =>
        new(id, PmsScheduleKind.ProviderHours, date, start, end, provider, null, [], null, null);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task FirstSync_Operatories_StoredWithEveryValue()
    {
        await StartAsync();
        pms.Operatories.Upsert(
            new PmsOperatory("1", "Dr. Lee", "OP-1", "2", "3", null, false, false, 0),
            new PmsOperatory("2", "Hygiene 1", "HYG1", null, "3", "4", true, true, 1));

        await SyncAsync(SyncResources.Operatories);

        await using var db = Db();
        var chairs = await db.Operatories.OrderBy(o => o.PmsId).ToListAsync();
        Assert.Equal(
            [("1", "Dr. Lee", "OP-1", "2", "3", null, false, false, 0), ("2", "Hygiene 1", "HYG1", null, "3", "4", true, true, 1)],
            chairs.Select(o => (o.PmsId, o.Name, o.Abbreviation, o.ClinicPmsId, o.DentistPmsId, o.HygienistPmsId, o.IsHygiene, o.IsHidden, o.SortOrder)));
        Assert.All(chairs, o => Assert.Equal((practice.PracticeId, connectionId), (o.PracticeId, o.ConnectionId)));
    }

    [SkippableFact]
    public async Task FirstSync_AppointmentTypes_StoredWithLengthAndColour()
    {
        await StartAsync();
        pms.AppointmentTypes.Upsert(
            new PmsAppointmentType("1", "New patient exam", 40, "#0080ff", false),
            new PmsAppointmentType("2", "Retired", null, "blue", true));

        await SyncAsync(SyncResources.AppointmentTypes);

        await using var db = Db();
        var types = await db.AppointmentTypes.OrderBy(t => t.PmsId).ToListAsync();
        Assert.Equal(
            [("1", "New patient exam", 40, "#0080FF", false), ("2", "Retired", null, null, true)],
            types.Select(t => (t.PmsId, t.Name, t.LengthMinutes, t.Color, t.IsHidden)));
    }

    [SkippableFact]
    public async Task AppointmentTypeWithAnImpossibleLength_Sync_StoredWithoutItAndAWarning()
    {
        await StartAsync();
        pms.AppointmentTypes.Upsert(new PmsAppointmentType("3", "Broken", 0, null, false));

        await SyncAsync(SyncResources.AppointmentTypes);

        await using var db = Db();
        Assert.Equal(("Broken", (int?)null), await db.AppointmentTypes.Select(t => new ValueTuple<string?, int?>(t.Name, t.LengthMinutes)).SingleAsync());
        var warning = await db.ImportFailures.SingleAsync(f => f.Resource == SyncResources.AppointmentTypes);
        Assert.Equal(("3", "Broken", ImportFailureSeverity.Warning), (warning.PmsId, warning.Label, warning.Severity));
        Assert.Contains("in the test PMS", warning.Message);
    }

    [SkippableFact]
    public async Task FirstSync_Clinics_StoredWithAddressAndPhone()
    {
        await StartAsync();
        pms.Clinics.Upsert(new PmsClinic("2", "Downtown Dental", "DT", new PmsAddress("12 Elm Street", "Suite 4", "Springfield", "IL", "62701"), "5550101234", false));

        await SyncAsync(SyncResources.Clinics);

        await using var db = Db();
        var clinic = await db.Clinics.SingleAsync();
        Assert.Equal(("2", "Downtown Dental", "DT", "12 Elm Street", "Suite 4", "Springfield", "IL", "62701", "5550101234", false),
            (clinic.PmsId, clinic.Name, clinic.Abbreviation, clinic.AddressLine1, clinic.AddressLine2, clinic.City, clinic.State, clinic.PostalCode, clinic.Phone, clinic.IsHidden));
    }

    [SkippableFact]
    public async Task FirstSync_BlockoutAndClosedDay_StoredWithEveryValue()
    {
        await StartAsync();
        pms.Schedules.Upsert(
            new PmsScheduleBlock("10", PmsScheduleKind.Blockout, new DateOnly(2026, 6, 2), new TimeOnly(12, 0), new TimeOnly(13, 0), null, null,
                ["1", "2"], "Emergency", "Keep free"),
            new PmsScheduleBlock("11", PmsScheduleKind.PracticeClosed, new DateOnly(2026, 11, 26), Midnight, Midnight, null, "2", [], "Thanksgiving", null));

        await SyncAsync(SyncResources.Schedules);

        await using var db = Db();
        var blocks = await db.ScheduleBlocks.OrderBy(b => b.PmsId).ToListAsync();
        var blockout = blocks[0];
        // June in Chicago is CDT (UTC-5).
        Assert.Equal((ScheduleBlockKind.Blockout, new DateOnly(2026, 6, 2), new TimeOnly(12, 0), new TimeOnly(13, 0), Utc(6, 2, 17), Utc(6, 2, 18)),
            (blockout.Kind, blockout.Date, blockout.Start, blockout.End, blockout.StartsAt, blockout.EndsAt));
        Assert.Equal(("1,2", "Emergency", "Keep free", (string?)null, (string?)null),
            (blockout.OperatoryPmsIds, blockout.Label, blockout.Note, blockout.ProviderPmsId, blockout.ClinicPmsId));
        Assert.Equal(["1", "2"], blockout.Operatories);
        var closed = blocks[1];
        // The whole day: midnight to midnight in CST (UTC-6).
        Assert.Equal((ScheduleBlockKind.PracticeClosed, Midnight, Midnight, Utc(11, 26, 6), Utc(11, 27, 6), "2", (string?)null, "Thanksgiving"),
            (closed.Kind, closed.Start, closed.End, closed.StartsAt, closed.EndsAt, closed.ClinicPmsId, closed.OperatoryPmsIds, closed.Label));
    }

    [SkippableFact]
    public async Task ProviderDaysAcrossTheSpringChange_Stored_InUtcOfEachDaysOffset()
    {
        await StartAsync();
        // Chicago moves from CST (UTC-6) to CDT (UTC-5) at 02:00 on Sunday 8 March 2026.
        pms.Schedules.Upsert(
            Hours("1", new DateOnly(2026, 3, 7), new TimeOnly(8, 0), new TimeOnly(17, 0)),
            Hours("2", new DateOnly(2026, 3, 8), new TimeOnly(8, 0), new TimeOnly(17, 0)),
            Hours("3", new DateOnly(2026, 3, 8), new TimeOnly(1, 0), new TimeOnly(3, 0)),
            Hours("4", new DateOnly(2026, 3, 8), new TimeOnly(2, 30), new TimeOnly(4, 0)),
            Hours("5", new DateOnly(2026, 3, 9), new TimeOnly(17, 0), Midnight));

        await SyncAsync(SyncResources.Schedules);

        await using var db = Db();
        var stored = await db.ScheduleBlocks.OrderBy(b => b.PmsId).Select(b => new { b.PmsId, b.StartsAt, b.EndsAt }).ToListAsync();
        Assert.Equal(
        [
            ("1", Utc(3, 7, 14), Utc(3, 7, 23)),
            ("2", Utc(3, 8, 13), Utc(3, 8, 22)),
            // 01:00 CST to 03:00 CDT: one hour apart.
            ("3", Utc(3, 8, 7), Utc(3, 8, 8)),
            // 02:30 does not exist that night: read as 03:30 CDT, the moment a clock that did not jump shows 02:30.
            ("4", Utc(3, 8, 8, 30), Utc(3, 8, 9)),
            // Ending at 00:00 is midnight at the end of the day.
            ("5", Utc(3, 9, 22), Utc(3, 10, 5)),
        ], stored.Select(b => (b.PmsId, b.StartsAt.ToUniversalTime(), b.EndsAt.ToUniversalTime())));
    }

    [SkippableFact]
    public async Task SecondSync_SameRecordsSentAgain_WritesNothing()
    {
        await StartAsync();
        pms.Operatories.Upsert(new PmsOperatory("1", "Dr. Lee", "OP-1", null, "3", null, false, false, 0));
        pms.AppointmentTypes.Upsert(new PmsAppointmentType("1", "Exam", 30, "#5D36DC", false));
        pms.Clinics.Upsert(new PmsClinic("1", "Downtown", "DT", new PmsAddress("1 Main", null, "Salem", "OR", "97301"), null, false));
        pms.Schedules.Upsert(
            Hours("1", new DateOnly(2026, 3, 8), new TimeOnly(8, 0), new TimeOnly(17, 0)),
            new PmsScheduleBlock("2", PmsScheduleKind.Blockout, new DateOnly(2026, 3, 8), new TimeOnly(12, 0), new TimeOnly(13, 0), null, null, ["1", "2"], "Lunch", null));
        string[] resources = [SyncResources.Operatories, SyncResources.AppointmentTypes, SyncResources.Clinics, SyncResources.Schedules];
        foreach (var resource in resources)
        {
            await SyncAsync(resource);
        }
        DateTimeOffset[] firstWrites;
        await using (var db = Db())
        {
            firstWrites = [await db.Operatories.MaxAsync(r => r.UpdatedAt), await db.AppointmentTypes.MaxAsync(r => r.UpdatedAt),
                await db.Clinics.MaxAsync(r => r.UpdatedAt), await db.ScheduleBlocks.MaxAsync(r => r.UpdatedAt)];
        }

        // Whole-table reads (and a change feed asked again) send the same records once more.
        pms.Operatories.Upsert(new PmsOperatory("1", "Dr. Lee", "OP-1", null, "3", null, false, false, 0));
        pms.AppointmentTypes.Upsert(new PmsAppointmentType("1", "Exam", 30, "#5D36DC", false));
        pms.Clinics.Upsert(new PmsClinic("1", "Downtown", "DT", new PmsAddress("1 Main", null, "Salem", "OR", "97301"), null, false));
        pms.Schedules.Upsert(
            Hours("1", new DateOnly(2026, 3, 8), new TimeOnly(8, 0), new TimeOnly(17, 0)),
            new PmsScheduleBlock("2", PmsScheduleKind.Blockout, new DateOnly(2026, 3, 8), new TimeOnly(12, 0), new TimeOnly(13, 0), null, null, ["1", "2"], "Lunch", null));
        foreach (var resource in resources)
        {
            await SyncAsync(resource);
        }

        foreach (var resource in resources)
        {
            var run = await LastRunAsync(resource);
            Assert.True((run.Read, run.Created, run.Updated) == (run.Unchanged, 0, 0) && run.Read > 0, $"{resource}: {run.Read} read, {run.Created} created, {run.Updated} updated");
        }
        await using var check = Db();
        DateTimeOffset[] lastWrites = [await check.Operatories.MaxAsync(r => r.UpdatedAt), await check.AppointmentTypes.MaxAsync(r => r.UpdatedAt),
            await check.Clinics.MaxAsync(r => r.UpdatedAt), await check.ScheduleBlocks.MaxAsync(r => r.UpdatedAt)];
        Assert.Equal(firstWrites, lastWrites);
    }

    [SkippableFact]
    public async Task BlockoutMovedToOtherChairs_NextSync_UpdatesItsChairsOnly()
    {
        await StartAsync();
        var blockout = new PmsScheduleBlock("2", PmsScheduleKind.Blockout, new DateOnly(2026, 3, 9), new TimeOnly(12, 0), new TimeOnly(13, 0), null, null, ["1", "2"], "Lunch", null);
        pms.Schedules.Upsert(Hours("1", new DateOnly(2026, 3, 9), new TimeOnly(8, 0), new TimeOnly(17, 0)), blockout);
        await SyncAsync(SyncResources.Schedules);

        pms.Schedules.Upsert(blockout with { OperatoryPmsIds = ["3"] });
        await SyncAsync(SyncResources.Schedules);

        var run = await LastRunAsync(SyncResources.Schedules);
        Assert.Equal((1, 1, 0), (run.Read, run.Updated, run.Created));
        await using var db = Db();
        Assert.Equal("3", (await db.ScheduleBlocks.SingleAsync(b => b.PmsId == "2")).OperatoryPmsIds);
        Assert.Null((await db.ScheduleBlocks.SingleAsync(b => b.PmsId == "1")).OperatoryPmsIds);
    }

    [SkippableFact]
    public async Task BlocksWithoutADateOrEndingBeforeTheyStart_Sync_KeptOutAsImportFailuresNamingTheSystem()
    {
        await StartAsync();
        pms.Schedules.Upsert(
            Hours("1", new DateOnly(1, 1, 1), new TimeOnly(8, 0), new TimeOnly(17, 0)),
            Hours("2", new DateOnly(2026, 3, 9), new TimeOnly(17, 0), new TimeOnly(8, 0)),
            Hours("3", new DateOnly(2026, 3, 9), new TimeOnly(8, 0), new TimeOnly(17, 0)));

        await SyncAsync(SyncResources.Schedules);

        await using var db = Db();
        Assert.Equal(["3"], await db.ScheduleBlocks.Select(b => b.PmsId).ToListAsync());
        var failures = await db.ImportFailures.Where(f => f.Resource == SyncResources.Schedules).OrderBy(f => f.PmsId).ToListAsync();
        Assert.Equal([("1", ImportFailureReason.MissingValue), ("2", ImportFailureReason.InvalidValue)], failures.Select(f => (f.PmsId, f.Reason)));
        Assert.All(failures, f => Assert.Contains("in the test PMS", f.Message));
        Assert.Equal("Provider hours on 2026-03-09 17:00-08:00 for provider 3", failures[1].Label);
        Assert.Equal((3, 2), ((await LastRunAsync(SyncResources.Schedules)).Read, (await LastRunAsync(SyncResources.Schedules)).Failed));
    }
}

public sealed class ScheduleResourcesOnSqlite() : ScheduleResourcesSuite(DatabaseProvider.Sqlite);

public sealed class ScheduleResourcesOnPostgres() : ScheduleResourcesSuite(DatabaseProvider.Postgres);
