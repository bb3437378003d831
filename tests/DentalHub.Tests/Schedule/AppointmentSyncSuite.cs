using System.Globalization;
using System.Text.Json;
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
/// Appointments through the sync engine into their table, for a practice in America/Chicago: times to UTC across
/// both 2026 clock changes, the cost from the procedures, records that cannot come over, deletions and a crash.
/// </summary>
public abstract class AppointmentSyncSuite(DatabaseProvider provider) : ScriptedSyncSuite(provider, "Schedule Dental", SyncResources.Appointments)
{

    private static PmsAppointment Appointment(
        string id, DateTime? start, string? patient = "12", int length = 60, PmsAppointmentStatus status = PmsAppointmentStatus.Scheduled,
        IReadOnlyList<PmsAppointmentProcedure>? procedures = null) =>
        new(id, patient, "3", null, "5", null, null, start, length, status, "Not Called", false, null, procedures ?? []);

    private async Task<Appointment> StoredAsync(string id)
    {
        await using var db = Db();
        return await db.Appointments.SingleAsync(a => a.PmsId == id);
    }

    [SkippableFact]
    public async Task FirstSync_AppointmentWithTwoProcedures_StoredWithEveryValueAndItsCost()
    {
        await StartAsync();
        Pms.Appointments.Upsert(new PmsAppointment("900", "12", "3", "4", "5", "6", "7", new DateTime(2026, 4, 14, 9, 0, 0), 90,
            PmsAppointmentStatus.Complete, "Appointment Confirmed", true, "  Prefers the window chair. ",
            [new PmsAppointmentProcedure("11", "D0120", "periodic oral evaluation", 45m, 36m, 5m, 4m),
             new PmsAppointmentProcedure("12", "D1110", "prophylaxis - adult", 95.5m, 76.4m, 0m, 19.1m)]));

        var outcome = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        var stored = await StoredAsync("900");
        Assert.Equal((Practice.PracticeId, ConnectionId), (stored.PracticeId, stored.ConnectionId));
        Assert.Equal(("12", "3", "4", "5", "6", "7"),
            (stored.PatientPmsId, stored.ProviderPmsId, stored.HygienistPmsId, stored.OperatoryPmsId, stored.ClinicPmsId, stored.AppointmentTypePmsId));
        // 09:00 in Chicago in April is daylight time, UTC-5.
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 15, 30, 0, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal((new DateOnly(2026, 4, 14), 90, AppointmentStatus.Complete), (stored.LocalDate, stored.LengthMinutes, stored.Status));
        Assert.Equal(("Appointment Confirmed", true, "Prefers the window chair."), (stored.Confirmation, stored.IsNewPatient, stored.Note));
        Assert.Equal((140.50m, 112.40m, 5.00m, 23.10m), (stored.TotalFee, stored.InsuranceEstimate, stored.WriteOffEstimate, stored.PatientPortion));
        using var procedures = JsonDocument.Parse(stored.ProceduresJson!);
        Assert.Equal(
            ["11 D0120 periodic oral evaluation 45.00 36.00 5.00 4.00", "12 D1110 prophylaxis - adult 95.50 76.40 0.00 19.10"],
            procedures.RootElement.EnumerateArray().Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.GetProperty("pmsId").GetString()} {p.GetProperty("code").GetString()} {p.GetProperty("description").GetString()} {p.GetProperty("fee").GetDecimal()} " +
                $"{p.GetProperty("insuranceEstimate").GetDecimal()} {p.GetProperty("writeOffEstimate").GetDecimal()} {p.GetProperty("patientPortion").GetDecimal()}")));
        Assert.Null(stored.DeletedAt);
        var run = await LastRunAsync();
        Assert.Equal((1, 1, 1), (run.Expected, run.Read, run.Created));
    }

    [SkippableFact]
    public async Task ProcedureWithoutAnEstimate_Synced_AppointmentsEstimateIsUnknownNotPartial()
    {
        await StartAsync();
        Pms.Appointments.Upsert(
            Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), procedures:
                [new PmsAppointmentProcedure("11", "D0120", "exam", 45m, 36m, 0m, 9m), new PmsAppointmentProcedure("12", "D1110", "cleaning", 95.5m)]),
            Appointment("2", new DateTime(2026, 4, 14, 10, 0, 0), procedures: []));

        await SyncAsync();

        var partly = await StoredAsync("1");
        Assert.Equal((140.50m, (decimal?)null, (decimal?)null, (decimal?)null), (partly.TotalFee, partly.InsuranceEstimate, partly.WriteOffEstimate, partly.PatientPortion));
        var nothingOnIt = await StoredAsync("2");
        Assert.Equal((0m, (decimal?)0m, (decimal?)0m, (decimal?)0m), (nothingOnIt.TotalFee, nothingOnIt.InsuranceEstimate, nothingOnIt.WriteOffEstimate, nothingOnIt.PatientPortion));
    }

    [SkippableFact]
    public async Task WallTimeThatDoesNotExist_SpringForward_StoredAsTheMomentAClockThatDidNotJumpShows()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 3, 8, 2, 30, 0)));

        await SyncAsync();

        var stored = await StoredAsync("1");
        // 02:30 does not exist on 2026-03-08 in Chicago (02:00 CST jumps to 03:00 CDT): read as 02:30 CST = 03:30 CDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 9, 30, 0, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal(new DateOnly(2026, 3, 8), stored.LocalDate);
    }

    [SkippableFact]
    public async Task WallTimeThatHappensTwice_FallBack_StoredAsItsFirstOccurrence()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 11, 1, 1, 30, 0)));

        await SyncAsync();

        var stored = await StoredAsync("1");
        // 01:30 happens at 06:30Z (CDT) and again at 07:30Z (CST); the schedule shows the first. The hour it
        // lasts is an hour of elapsed time.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal(new DateOnly(2026, 11, 1), stored.LocalDate);
    }

    [SkippableFact]
    public async Task AppointmentBeforeItsPatient_PatientSyncedLater_LinksByPatientPmsIdWithoutRewritingIt()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), patient: "77"));
        await SyncAsync();
        var before = await StoredAsync("1");
        await using (var db = Db())
        {
            Assert.False(await db.PatientLinks.AnyAsync(l => l.PmsId == "77"));
        }

        Pms.Upsert(ScriptedPms.Patient("77", "Ann", "Lee", new DateOnly(1980, 1, 2)));
        await SyncAsync(SyncResources.Patients);

        await using var check = Db();
        var linked = await (
            from appointment in check.Appointments
            join link in check.PatientLinks on new { appointment.ConnectionId, PmsId = appointment.PatientPmsId! } equals new { link.ConnectionId, link.PmsId }
            join patient in check.Patients on link.PatientId equals patient.Id
            where appointment.PmsId == "1"
            select patient.FirstName).SingleAsync();
        Assert.Equal("Ann", linked);
        Assert.Equal(before.UpdatedAt, (await check.Appointments.SingleAsync(a => a.PmsId == "1")).UpdatedAt);
    }

    [SkippableFact]
    public async Task ScheduledWithoutTime_Sync_ImportFailureNamingTheSystemUntilFixed()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", start: null));

        await SyncAsync();

        await using (var db = Db())
        {
            Assert.False(await db.Appointments.AnyAsync());
            var failure = await db.ImportFailures.SingleAsync();
            Assert.Equal((SyncResources.Appointments, "1", ImportFailureSeverity.Error, ImportFailureReason.MissingValue),
                (failure.Resource, failure.PmsId, failure.Severity, failure.Reason));
            Assert.Equal("This appointment has no date and time: set them in the test PMS, or move it to the unscheduled list.", failure.Message);
            Assert.Equal("appointment with no time for patient 12", failure.Label);
        }
        Assert.Equal(1, (await LastRunAsync()).Failed);

        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0)));
        await SyncAsync();

        await using var check = Db();
        Assert.False(await check.ImportFailures.AnyAsync());
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero), (await check.Appointments.SingleAsync()).StartsAt);
    }

    [SkippableFact]
    public async Task NoPatient_Sync_KeptOutWithAFailureNamingTheSystem()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), patient: null));

        await SyncAsync();

        await using var db = Db();
        Assert.False(await db.Appointments.AnyAsync());
        var failure = await db.ImportFailures.SingleAsync();
        Assert.Equal("This appointment has no patient: attach it to a patient in the test PMS.", failure.Message);
        Assert.Equal("appointment on 2026-04-14 09:00 for no patient", failure.Label);
    }

    [SkippableFact]
    public async Task UnscheduledAndPlanned_NoTime_StoredWithNoTime()
    {
        await StartAsync();
        Pms.Appointments.Upsert(
            Appointment("1", start: null, status: PmsAppointmentStatus.Unscheduled),
            Appointment("2", start: null, length: 0, status: PmsAppointmentStatus.Planned));

        await SyncAsync();

        await using var db = Db();
        var stored = await db.Appointments.OrderBy(a => a.PmsId).ToListAsync();
        Assert.Equal([AppointmentStatus.Unscheduled, AppointmentStatus.Planned], stored.Select(a => a.Status));
        Assert.All(stored, a => Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateOnly?)null), (a.StartsAt, a.EndsAt, a.LocalDate)));
        Assert.False(await db.ImportFailures.AnyAsync());
    }

    [SkippableFact]
    public async Task ScheduledWithNoLength_Sync_StoredWithoutAnEndAndAWarning()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), length: 0));

        await SyncAsync();

        var stored = await StoredAsync("1");
        Assert.Equal((new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero), (DateTimeOffset?)null, 0), (stored.StartsAt, stored.EndsAt, stored.LengthMinutes));
        await using var db = Db();
        var warning = await db.ImportFailures.SingleAsync();
        Assert.Equal(ImportFailureSeverity.Warning, warning.Severity);
        Assert.Contains("set its time pattern in the test PMS", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await LastRunAsync()).Warnings);
    }

    [SkippableFact]
    public async Task SecondSync_SameAppointmentsSentAgain_WritesNothing()
    {
        await StartAsync();
        var procedures = new[] { new PmsAppointmentProcedure("11", "D0120", "exam", 45m) };
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), procedures: procedures), Appointment("2", null, status: PmsAppointmentStatus.Planned));
        await SyncAsync();
        var firstWrite = (await StoredAsync("1")).UpdatedAt;

        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0), procedures: procedures), Appointment("2", null, status: PmsAppointmentStatus.Planned));
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((2, 0, 0, 2), (run.Read, run.Created, run.Updated, run.Unchanged));
        Assert.Equal(firstWrite, (await StoredAsync("1")).UpdatedAt);
    }

    [SkippableFact]
    public async Task RescheduledInThePms_NextSync_UpdatesOnlyThatAppointment()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0)), Appointment("2", new DateTime(2026, 4, 14, 10, 0, 0)));
        await SyncAsync();

        Pms.Appointments.Upsert(Appointment("2", new DateTime(2026, 4, 15, 11, 0, 0), length: 30) with { Confirmation = "Left Msg" });
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((1, 1, 0), (run.Read, run.Updated, run.Created));
        var moved = await StoredAsync("2");
        Assert.Equal((new DateTimeOffset(2026, 4, 15, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 15, 16, 30, 0, TimeSpan.Zero), new DateOnly(2026, 4, 15), "Left Msg"),
            (moved.StartsAt, moved.EndsAt, moved.LocalDate, moved.Confirmation));
        Assert.Equal(new DateOnly(2026, 4, 14), (await StoredAsync("1")).LocalDate);
    }

    [SkippableFact]
    public async Task DeletedInThePms_NextSync_RowKeptAndMarkedDeleted()
    {
        await StartAsync();
        Pms.Appointments.Upsert(Appointment("1", new DateTime(2026, 4, 14, 9, 0, 0)), Appointment("2", new DateTime(2026, 4, 14, 10, 0, 0)));
        await SyncAsync();

        Pms.Appointments.Delete("2");
        await SyncAsync();

        Assert.Equal(1, (await LastRunAsync()).Deleted);
        Assert.NotNull((await StoredAsync("2")).DeletedAt);
        Assert.Null((await StoredAsync("1")).DeletedAt);
    }

    [SkippableFact]
    public async Task CrashMidRun_1000Appointments_NextRunResumesWithoutLossOrDuplicates()
    {
        await StartAsync();
        Pms.Appointments.PageSize = 100;
        var first = new DateTime(2026, 4, 1, 8, 0, 0);
        Pms.Appointments.Upsert([.. Enumerable.Range(1, 1000).Select(i =>
            Appointment(i.ToString(CultureInfo.InvariantCulture), first.AddMinutes(30 * i), patient: (i % 97).ToString(CultureInfo.InvariantCulture)))]);
        Pms.Appointments.CrashAfterPages = 4;

        var crashed = await SyncAsync();
        await using (var db = Db())
        {
            Assert.Equal(400, await db.Appointments.CountAsync());
        }
        var resumed = await SyncAsync();

        Assert.Equal((SyncOutcomeKind.Failed, SyncOutcomeKind.Completed), (crashed.Kind, resumed.Kind));
        await using var check = Db();
        var stored = await check.Appointments.Select(a => new { a.PmsId, a.StartsAt }).ToListAsync();
        Assert.Equal(1000, stored.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), stored.Select(a => a.PmsId).Order());
        Assert.Equal(new DateTimeOffset(first.AddMinutes(30 * 1000), TimeSpan.FromHours(-5)), stored.Single(a => a.PmsId == "1000").StartsAt);
        var runs = await check.SyncRuns.Where(r => r.Resource == SyncResources.Appointments).ToListAsync();
        // The crashed run stored whole pages only; the next read began after its last stored page.
        Assert.Equal((1000, 0), (runs.Sum(r => r.Created), runs.Sum(r => r.Updated)));
    }
}

public sealed class AppointmentSyncOnSqlite() : AppointmentSyncSuite(DatabaseProvider.Sqlite);

public sealed class AppointmentSyncOnPostgres() : AppointmentSyncSuite(DatabaseProvider.Postgres);
