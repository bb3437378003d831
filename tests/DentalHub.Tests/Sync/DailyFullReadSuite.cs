using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Sync;

/// <summary>
/// A feed over rows the PMS deletes without a trace (ledger lines here): the first run after 1 a.m. practice time
/// reads the resource whole and marks what it no longer finds as deleted; other runs read only changes.
/// </summary>
public abstract class DailyFullReadSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private readonly ScriptedPms pms = new();
    // 10:00 in Chicago on an ordinary day; the practice's zone in the tests.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero));
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

    private async Task StartAsync(bool feedReportsEveryDeletion = false)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Ledger Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.LedgerEntries.ReportsEveryDeletion = feedReportsEveryDeletion;
        pms.LedgerEntries.Upsert(Line("1", 120m), Line("2", -40m), Line("3", -15m));
    }

    private static PmsLedgerEntry Line(string id, decimal amount, string? patient = "12") =>
        new(id, patient, amount > 0 ? PmsLedgerKind.Charge : PmsLedgerKind.PatientPayment, new DateOnly(2026, 12, 1), amount, null, "Line " + id, null, null, null);

    private Task<SyncOutcome> SyncAtAsync(int day, int hour)
    {
        clock.SetUtcNow(new DateTimeOffset(new DateTime(2026, 12, day, hour, 0, 0), Chicago.GetUtcOffset(new DateTime(2026, 12, day))).ToUniversalTime());
        var runner = new SyncRunner(app!.Databases, app.Services.GetRequiredService<ConnectorFactory>(), app.Services.GetRequiredService<AvailableConnectors>(),
            clock, NullLogger<SyncRunner>.Instance);
        return runner.RunAsync(practice.Tenant, connectionId, SyncResources.LedgerEntries, SyncTrigger.Schedule, CancellationToken.None);
    }

    private async Task<SyncRun> LastRunAsync()
    {
        await using var db = app!.Databases.Create(practice.Tenant);
        return await db.SyncRuns.OrderByDescending(r => r.StartedAt).FirstAsync();
    }

    private async Task<string[]> DeletedLinesAsync()
    {
        await using var db = app!.Databases.Create(practice.Tenant);
        return await db.LedgerEntries.Where(e => e.DeletedAt != null).OrderBy(e => e.PmsId).Select(e => e.PmsId).ToArrayAsync();
    }

    [SkippableFact]
    public async Task LineDeletedWithoutTrace_SameDay_StaysUntilTheNightRead()
    {
        await StartAsync();
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.Vanish("2");

        await SyncAtAsync(7, 11);
        await SyncAtAsync(7, 23);

        Assert.Empty(await DeletedLinesAsync());
        var run = await LastRunAsync();
        Assert.False(run.FullRead);
    }

    [SkippableFact]
    public async Task LineDeletedWithoutTrace_FirstRunAfterOneAm_MarksItDeletedAndNothingElse()
    {
        await StartAsync();
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.Vanish("2");

        var outcome = await SyncAtAsync(8, 2);

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(["2"], await DeletedLinesAsync());
        var run = await LastRunAsync();
        Assert.Equal((true, 2, 1, 0, 0, (string?)null), (run.FullRead, run.Read, run.Deleted, run.Updated, run.Created, run.Error));
    }

    [SkippableFact]
    public async Task NightReadDone_NextRunsThatDay_ReadOnlyChanges()
    {
        await StartAsync();
        await SyncAtAsync(7, 10);
        await SyncAtAsync(8, 2);
        pms.LedgerEntries.Vanish("3");

        await SyncAtAsync(8, 9);

        Assert.False((await LastRunAsync()).FullRead);
        Assert.Empty(await DeletedLinesAsync());
    }

    [SkippableFact]
    public async Task FeedThatReportsEveryDeletion_NextDay_ReadsOnlyChanges()
    {
        await StartAsync(feedReportsEveryDeletion: true);
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.Vanish("2");

        await SyncAtAsync(8, 2);

        Assert.False((await LastRunAsync()).FullRead);
        Assert.Empty(await DeletedLinesAsync());
    }

    [SkippableFact]
    public async Task LineBackInThePms_AfterItWasMarkedDeleted_IsStoredAgain()
    {
        await StartAsync();
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.Vanish("2");
        await SyncAtAsync(8, 2);

        pms.LedgerEntries.Upsert(Line("2", -40m));
        await SyncAtAsync(8, 9);

        Assert.Empty(await DeletedLinesAsync());
    }

    [SkippableFact]
    public async Task PmsReturnsNothingAtAll_NightRead_MarksNothingAndSaysWhy()
    {
        await StartAsync();
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.VanishAll();

        var outcome = await SyncAtAsync(8, 2);

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        Assert.Empty(await DeletedLinesAsync());
        var run = await LastRunAsync();
        Assert.Contains("returned no ledger", run.Error);
        Assert.Contains("none were marked deleted", run.Error);
    }

    [SkippableFact]
    public async Task FailedLineDeletedWithoutTrace_NightRead_ClearsItsImportFailure()
    {
        await StartAsync();
        pms.LedgerEntries.Upsert(Line("9", 30m, patient: null));
        await SyncAtAsync(7, 10);
        await using (var before = app!.Databases.Create(practice.Tenant))
        {
            Assert.Equal(["9"], await before.ImportFailures.Select(f => f.PmsId).ToArrayAsync());
        }
        pms.LedgerEntries.Vanish("9");

        await SyncAtAsync(8, 2);

        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Empty(await db.ImportFailures.ToListAsync());
        Assert.Empty(await DeletedLinesAsync());
    }

    [SkippableFact]
    public async Task NightReadCrashesMidway_NextRun_ReadsWholeAgainAndThenMarks()
    {
        await StartAsync();
        pms.LedgerEntries.PageSize = 1;
        await SyncAtAsync(7, 10);
        pms.LedgerEntries.Vanish("3");
        pms.LedgerEntries.CrashAfterPages = 1;

        var crashed = await SyncAtAsync(8, 2);
        Assert.Equal(SyncOutcomeKind.Failed, crashed.Kind);
        Assert.Empty(await DeletedLinesAsync());

        await SyncAtAsync(8, 3);

        Assert.True((await LastRunAsync()).FullRead);
        Assert.Equal(["3"], await DeletedLinesAsync());
    }
}

public sealed class DailyFullReadOnSqlite() : DailyFullReadSuite(DatabaseProvider.Sqlite);

public sealed class DailyFullReadOnPostgres() : DailyFullReadSuite(DatabaseProvider.Postgres);
