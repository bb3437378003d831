using System.Globalization;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Schedule;

/// <summary>
/// The schedule over HTTP from the Open Dental API test double: the window read whole every run, and blocks
/// Open Dental deleted (it edits a day by deleting its rows and writing new ones) marked deleted by the next sync.
/// The cursor that remembers the last read's blocks is large; it must fit where the hub keeps cursors.
/// </summary>
public abstract class ScheduleFromTheOpenDentalApiSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Blocks = 300;
    private DentalHubApp? app;
    private OpenDentalApiTestDouble? api;
    private TestPractice practice = default!;
    private Guid connectionId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
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

    private async Task StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        api = await OpenDentalApiTestDouble.StartAsync();
        var today = DateOnly.FromDateTime(api.OfficeNow);
        for (var i = 1; i <= Blocks; i++)
        {
            api.Put(OpenDentalApiTestDouble.Schedules, 100_000 + i, new Dictionary<string, object?>
            {
                ["ScheduleNum"] = (100_000 + i).ToString(CultureInfo.InvariantCulture),
                ["SchedDate"] = today.AddDays(i % 150).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["StartTime"] = "08:00:00", ["StopTime"] = "17:00:00", ["SchedType"] = "Provider", ["ProvNum"] = (i % 4 + 1).ToString(CultureInfo.InvariantCulture),
                ["BlockoutType"] = "0", ["blockoutType"] = "", ["Note"] = "", ["operatories"] = "", ["EmployeeNum"] = "0",
            });
        }
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Open Dental Schedule");
        connectionId = await app.ConnectAsync(practice, api);
    }

    private async Task<SyncRun> SyncAsync()
    {
        var outcome = await app!.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Schedules, SyncTrigger.Manual, CancellationToken.None);
        Assert.True(outcome.Kind == SyncOutcomeKind.Completed, outcome.Message);
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.SyncRuns.Where(r => r.Resource == SyncResources.Schedules).OrderByDescending(r => r.StartedAt).FirstAsync();
    }

    [SkippableFact]
    public async Task BlocksDeletedInOpenDental_NextSync_MarksThemDeletedAndWritesNothingElse()
    {
        await StartAsync();
        var first = await SyncAsync();
        Assert.Equal((Blocks, Blocks), (first.Read, first.Created));

        api!.Remove(OpenDentalApiTestDouble.Schedules, 100_007);
        api.Remove(OpenDentalApiTestDouble.Schedules, 100_150);
        var second = await SyncAsync();

        Assert.Equal((Blocks - 2, Blocks - 2, 0, 2), (second.Read, second.Unchanged, second.Updated, second.Deleted));
        await using var db = app!.Databases.Create(practice.Tenant);
        Assert.Equal(["100007", "100150"], await db.ScheduleBlocks.Where(b => b.DeletedAt != null).Select(b => b.PmsId).OrderBy(id => id).ToListAsync());
        Assert.Equal(Blocks - 2, await db.ScheduleBlocks.CountAsync(b => b.DeletedAt == null));
    }
}

public sealed class ScheduleFromTheOpenDentalApiOnSqlite() : ScheduleFromTheOpenDentalApiSuite(DatabaseProvider.Sqlite);

public sealed class ScheduleFromTheOpenDentalApiOnPostgres() : ScheduleFromTheOpenDentalApiSuite(DatabaseProvider.Postgres);
