using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Ledger;
using DentalHub.Patients;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.SampleData;

/// <summary>
/// The sample practice (the Demo PMS, seed 42) synced resource by resource as a first run does: the Schedule page's
/// day and a profile's panels show what a new user should see, and the balances the hub stored age like the ledger
/// it stored.
/// </summary>
public abstract class SamplePracticeSyncSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private DentalHubApp? app;
    private TestPractice practice = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    // The demo's day: the local date of the clock the hub hands its connectors.
    private static DateOnly DemoToday => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    private async Task SyncEverythingAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Sample Smiles");
        var sync = app.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in SyncResourceCatalog.All.OrderBy(r => r.Order))
        {
            var outcome = await sync.RunAsync(practice.Tenant, practice.ConnectionId, resource.Name, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind == SyncOutcomeKind.Completed, $"{resource.Name}: {outcome.Kind} {outcome.Message}");
        }
    }

    private DentalHubDb Db() => app!.Databases.Create(practice.Tenant);

    private static DateOnly OpenWeekdayAfter(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!DemoCalendar.IsWeekday(day) || DemoCalendar.HolidayOn(day) is not null);
        return day;
    }

    [SkippableFact]
    public async Task FirstSync_EveryResource_OnlyTheSamplesProblemPatientsFailToImport()
    {
        await SyncEverythingAsync();

        await using var db = Db();
        var failures = await db.ImportFailures.Where(f => f.Severity == DentalHub.ImportFailures.ImportFailureSeverity.Error).ToListAsync();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal(SyncResources.Patients, f.Resource));
        Assert.True(await db.Appointments.CountAsync() > 3_000);
        Assert.True(await db.ScheduleBlocks.CountAsync() > 900);
        Assert.True(await db.LedgerEntries.CountAsync() > 3_000);
    }

    [SkippableFact]
    public async Task SecondSync_SameDay_ReadsNothing()
    {
        await SyncEverythingAsync();
        var sync = app!.Services.GetRequiredService<SyncRunner>();

        foreach (var resource in SyncResourceCatalog.All)
        {
            await sync.RunAsync(practice.Tenant, practice.ConnectionId, resource.Name, SyncTrigger.Manual, CancellationToken.None);
        }

        await using var db = Db();
        var second = await db.SyncRuns.Where(r => !r.FullRead).ToListAsync();
        Assert.Equal(SyncResourceCatalog.All.Count, second.Count);
        Assert.All(second, r => Assert.Equal((r.Resource, SyncRunStatus.Succeeded, 0), (r.Resource, r.Status, r.Read)));
    }

    [SkippableFact]
    public async Task ScheduleDay_WeekdayInRange_AppointmentsInEveryChairWithNamesHoursAndLunch()
    {
        await SyncEverythingAsync();
        var day = OpenWeekdayAfter(DemoToday.AddDays(2));
        var days = app!.Services.GetRequiredService<ScheduleDayQuery>();

        var byChair = await days.DayAsync(practice.Tenant, day, ScheduleColumns.Chair, CancellationToken.None);
        var byProvider = await days.DayAsync(practice.Tenant, day, ScheduleColumns.Provider, CancellationToken.None);

        Assert.Null(byChair.ClosedBecause);
        Assert.Equal(["Op 1", "Op 2", "Op 3", "Hyg 1", "Hyg 2", "Hyg 3"], byChair.Columns.Select(c => c.Title));
        Assert.All(byChair.Columns, column =>
        {
            Assert.True(column.Appointments.Count >= 4, $"{column.Title} has {column.Appointments.Count} appointments");
            Assert.Contains(column.Blocks, b => b.Kind == ScheduleBlockKind.Blockout && b.Label == "Lunch" && b.Start == new TimeOnly(12, 0));
            Assert.All(column.Appointments, a =>
            {
                Assert.NotNull(a.PatientId);
                Assert.Equal(AppointmentStatus.Scheduled, a.Status);
                Assert.True(a.CostKnown && a.TotalFee > 0, $"{a.PmsId} has no cost");
                Assert.NotNull(a.TypeName);
                Assert.InRange(a.Start, new TimeOnly(8, 0), new TimeOnly(16, 30));
            });
        });
        Assert.Equal(6, byProvider.Columns.Count(c => c.Appointments.Count > 0));
        Assert.All(byProvider.Columns, c => Assert.Contains(c.Blocks, b => b.Kind == ScheduleBlockKind.ProviderHours && b.Start == new TimeOnly(8, 0) && b.End == new TimeOnly(17, 0)));
        Assert.Contains(byProvider.Columns, c => c.Title.Contains("Mitchell", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ProfilePanels_PatientWithAnUpcomingAppointment_ShowItWithPastVisitsAndBalance()
    {
        await SyncEverythingAsync();
        var after = DemoToday.AddDays(3).ToDateTime(TimeOnly.MinValue);
        Guid patientId;
        Appointment upcoming;
        await using (var db = Db())
        {
            upcoming = await db.Appointments.Where(a => a.Status == AppointmentStatus.Scheduled && a.LocalDate > DateOnly.FromDateTime(after))
                .OrderBy(a => a.StartsAt).FirstAsync();
            patientId = await db.PatientLinks.Where(l => l.PmsId == upcoming.PatientPmsId).Select(l => l.PatientId).SingleAsync();
        }

        var data = await app!.Services.GetRequiredService<PatientPmsDataQuery>().ForPatientAsync(practice.Tenant, patientId, CancellationToken.None);

        var shown = Assert.Single(data.Upcoming, a => a.PmsId == upcoming.PmsId);
        Assert.Equal((upcoming.StartsAt, upcoming.TotalFee, true), (shown.StartsAt, shown.TotalFee, shown.CostKnown));
        // The Demo PMS estimates every visit: what insurance pays, what is written off and the rest make the cost.
        Assert.Equal(shown.TotalFee, shown.InsuranceEstimate + shown.WriteOffEstimate + shown.PatientPortion);
        Assert.NotNull(shown.ProviderName);
        Assert.NotNull(shown.ChairName);
        Assert.NotNull(shown.TypeName);
        Assert.NotEmpty(data.Past);
        Assert.NotNull(data.Balance);
        Assert.NotEmpty(data.RecentLedger);
    }

    [SkippableFact]
    public async Task ProfilePanels_InsuredPatient_ShowCoverageWithRemainingBenefits()
    {
        await SyncEverythingAsync();
        Guid patientId;
        await using (var db = Db())
        {
            var insured = await db.Coverages.Where(c => c.Priority == 1).Select(c => c.PatientPmsId).FirstAsync();
            patientId = await db.PatientLinks.Where(l => l.PmsId == insured).Select(l => l.PatientId).SingleAsync();
        }

        var data = await app!.Services.GetRequiredService<PatientPmsDataQuery>().ForPatientAsync(practice.Tenant, patientId, CancellationToken.None);

        var primary = Assert.Single(data.Coverages, c => c.Priority == 1);
        Assert.NotNull(primary.CarrierName);
        Assert.NotNull(primary.AnnualMaximum);
        Assert.Equal(Math.Max(0m, primary.AnnualMaximum!.Value - primary.BenefitsUsed!.Value), primary.Remaining);
    }

    [SkippableFact]
    public async Task Balances_EveryFamily_AgeLikeTheStoredLedgerAsOfTheDemosDay()
    {
        await SyncEverythingAsync();
        await using var db = Db();
        var familyOf = await db.PatientLinks.ToDictionaryAsync(l => l.PmsId, l => l.GuarantorPmsId ?? l.PmsId);
        var ledger = (await db.LedgerEntries.ToListAsync()).ToLookup(e => familyOf[e.PatientPmsId!]);
        var balances = await db.FamilyBalances.ToListAsync();

        Assert.NotEmpty(balances);
        Assert.All(balances, b =>
        {
            var aged = FamilyAging.Compute(ledger[b.GuarantorPmsId], DemoToday);
            Assert.Equal(aged, new AgedBalance(b.Aged0To30, b.Aged31To60, b.Aged61To90, b.AgedOver90, b.Total));
            Assert.Equal(b.Total - b.InsuranceEstimate, b.PatientPortion);
        });
        Assert.Contains(balances, b => b.AgedOver90 > 0);
        Assert.Contains(balances, b => b.Aged0To30 > 0 && b.InsuranceEstimate > 0);
    }
}

public sealed class SamplePracticeSyncOnSqlite() : SamplePracticeSyncSuite(DatabaseProvider.Sqlite);

public sealed class SamplePracticeSyncOnPostgres() : SamplePracticeSyncSuite(DatabaseProvider.Postgres);
