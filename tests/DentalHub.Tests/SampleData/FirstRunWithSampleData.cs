using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.SampleData;

/// <summary>A first `dotnet run`: the sample practice is seeded and everything its Demo PMS serves is read at once.</summary>
public sealed class FirstRunWithSampleData : IAsyncLifetime
{
    private readonly DentalHubApp app = new(TestDatabase.Create(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["SampleData:Enabled"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Startup_EmptyDatabase_SyncsEveryResourceOfTheSamplePractice()
    {
        _ = app.Services;
        await using var db = app.Databases.CreateWithoutTenant();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var expected = SyncResourceCatalog.All.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();

        List<string> succeeded = [];
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            succeeded = await db.SyncRuns.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.ConnectionId == connection.Id && r.Status == SyncRunStatus.Succeeded)
                .Select(r => r.Resource).Distinct().ToListAsync();
            succeeded.Sort(StringComparer.Ordinal);
            if (succeeded.Count == expected.Count)
            {
                break;
            }
            await Task.Delay(250);
        }

        Assert.Equal(expected, succeeded);
        Assert.NotNull((await db.Connections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == connection.Id)).LastSuccessfulReadAt);
        Assert.True(await db.Appointments.IgnoreQueryFilters().CountAsync() > 3_000);
    }
}
