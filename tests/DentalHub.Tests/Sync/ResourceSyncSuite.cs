using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Sync;

/// <summary>
/// The resource-generic sync engine, driven through one resource stored by the shared upsert (providers):
/// what lands in the table, what an unchanged record costs, deletions, crashes and resources side by side.
/// </summary>
public abstract class ResourceSyncSuite(DatabaseProvider provider) : ScriptedSyncSuite(provider, "Resource Dental", SyncResources.Providers)
{

    private static PmsProvider Provider(string id, string abbreviation = "DOC", bool hygienist = false) =>
        new(id, "Ann", "Lee", abbreviation + id, "1679608723", "General", hygienist, false, null);

    [SkippableFact]
    public async Task FirstSync_Providers_StoredWithEveryValue()
    {
        await StartAsync();
        Pms.Providers.Upsert(Provider("1"), new PmsProvider("2", null, null, "HYG1", null, null, true, true, "7"));

        var outcome = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        await using var db = Db();
        var stored = await db.Providers.OrderBy(p => p.PmsId).ToListAsync();
        Assert.Equal(["1", "2"], stored.Select(p => p.PmsId));
        Assert.Equal(("Ann", "Lee", "DOC1", "1679608723", "General", false, false, (string?)null),
            (stored[0].FirstName, stored[0].LastName, stored[0].Abbreviation, stored[0].Npi, stored[0].Specialty, stored[0].IsHygienist, stored[0].IsHidden, stored[0].ClinicPmsId));
        Assert.Equal((null, null, "HYG1", true, true, "7"), (stored[1].FirstName, stored[1].Npi, stored[1].Abbreviation, stored[1].IsHygienist, stored[1].IsHidden, stored[1].ClinicPmsId));
        Assert.All(stored, p => Assert.Equal(Practice.PracticeId, p.PracticeId));
        var run = await LastRunAsync();
        Assert.Equal((2, 2, 0, 2), (run.Expected, run.Read, run.Updated, run.Created));
    }

    [SkippableFact]
    public async Task SecondSync_SameRecordsSentAgain_WritesNothing()
    {
        await StartAsync();
        Pms.Providers.Upsert(Provider("1"), Provider("2"));
        await SyncAsync();
        DateTimeOffset firstWrite;
        await using (var db = Db())
        {
            firstWrite = await db.Providers.MaxAsync(p => p.UpdatedAt);
        }

        Pms.Providers.Upsert(Provider("1"), Provider("2"));
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((2, 0, 0, 2), (run.Read, run.Created, run.Updated, run.Unchanged));
        await using var check = Db();
        Assert.Equal(firstWrite, await check.Providers.MaxAsync(p => p.UpdatedAt));
    }

    [SkippableFact]
    public async Task EditedInThePms_NextSync_UpdatesOnlyThatRecord()
    {
        await StartAsync();
        Pms.Providers.Upsert(Provider("1"), Provider("2"));
        await SyncAsync();

        Pms.Providers.Upsert(Provider("2") with { LastName = "Lee-Park", IsHidden = true });
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((1, 1, 0), (run.Read, run.Updated, run.Unchanged));
        await using var db = Db();
        var edited = await db.Providers.SingleAsync(p => p.PmsId == "2");
        Assert.Equal(("Lee-Park", true), (edited.LastName, edited.IsHidden));
        Assert.Equal("Lee", (await db.Providers.SingleAsync(p => p.PmsId == "1")).LastName);
    }

    [SkippableFact]
    public async Task DeletedInThePms_NextSync_KeepsTheRowMarkedDeleted()
    {
        await StartAsync();
        Pms.Providers.Upsert(Provider("1"), Provider("2"));
        await SyncAsync();

        Pms.Providers.Delete("2");
        await SyncAsync();

        Assert.Equal(1, (await LastRunAsync()).Deleted);
        await using var db = Db();
        Assert.NotNull((await db.Providers.SingleAsync(p => p.PmsId == "2")).DeletedAt);
        Assert.Null((await db.Providers.SingleAsync(p => p.PmsId == "1")).DeletedAt);

        Pms.Providers.Upsert(Provider("2"));
        await SyncAsync();
        await using var again = Db();
        Assert.Null((await again.Providers.SingleAsync(p => p.PmsId == "2")).DeletedAt);
    }

    [SkippableFact]
    public async Task CrashMidRun_NextRun_ResumesWithoutLostOrDoubledRows()
    {
        await StartAsync();
        Pms.Providers.PageSize = 10;
        Pms.Providers.Upsert([.. Enumerable.Range(1, 95).Select(i => Provider(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        Pms.Providers.CrashAfterPages = 4;

        var crashed = await SyncAsync();
        Assert.Equal(SyncOutcomeKind.Failed, crashed.Kind);
        var resumed = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Completed, resumed.Kind);
        await using var db = Db();
        Assert.Equal(95, await db.Providers.CountAsync());
        var runs = await db.SyncRuns.Where(r => r.Resource == SyncResources.Providers).OrderBy(r => r.StartedAt).ToListAsync();
        // The crashed run stored whole pages only; the next read began after its last stored page.
        Assert.Equal(95, runs.Sum(r => r.Created));
        Assert.Equal(0, runs.Sum(r => r.Updated));
    }

    [SkippableFact]
    public async Task TwoResourcesOfOneConnection_RunAtOnce_NeitherInterruptsTheOther()
    {
        await StartAsync();
        Pms.PageSize = 1;
        Pms.Upsert(ScriptedPms.Patient("1", "Ann", "Lee", new DateOnly(1980, 1, 2)));
        Pms.Upsert(ScriptedPms.Patient("2", "Bo", "Lee", new DateOnly(1981, 1, 2)));
        Pms.HoldAfterFirstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pms.Providers.Upsert(Provider("1"));

        var patients = SyncAsync(SyncResources.Patients);
        await Pms.FirstPageServed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var providers = await SyncAsync(SyncResources.Providers);
        var patientRunWhileProvidersRan = await LastRunAsync(SyncResources.Patients);
        Pms.HoldAfterFirstPage.SetResult();

        Assert.Equal(SyncOutcomeKind.Completed, providers.Kind);
        Assert.Equal(SyncRunStatus.Running, patientRunWhileProvidersRan.Status);
        Assert.Equal(SyncOutcomeKind.Completed, (await patients).Kind);
        var patientRun = await LastRunAsync(SyncResources.Patients);
        Assert.Equal((SyncRunStatus.Succeeded, 2), (patientRun.Status, patientRun.Created));
    }

    [SkippableFact]
    public async Task SameResourceStartedTwice_SecondRun_SaysOneIsRunning()
    {
        await StartAsync();
        Pms.Providers.PageSize = 1;
        Pms.Providers.Upsert(Provider("1"), Provider("2"));
        Pms.Providers.HoldAfterFirstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = SyncAsync();
        await Pms.Providers.FirstPageServed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await SyncAsync();
        Pms.Providers.HoldAfterFirstPage.SetResult();

        Assert.Equal(SyncOutcomeKind.AlreadyRunning, second.Kind);
        Assert.Equal(SyncOutcomeKind.Completed, (await first).Kind);
    }

    [SkippableFact]
    public async Task UnknownResource_Run_IsRefusedWithItsName()
    {
        await StartAsync();
        var outcome = await SyncAsync("x-rays");
        Assert.Equal(SyncOutcomeKind.NotSupported, outcome.Kind);
        Assert.Contains("x-rays", outcome.Message);
    }
}

public sealed class ResourceSyncOnSqlite() : ResourceSyncSuite(DatabaseProvider.Sqlite);

public sealed class ResourceSyncOnPostgres() : ResourceSyncSuite(DatabaseProvider.Postgres);
