using DentalHub.Data;
using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Rewards;

/// <summary>The points ledger on every database DentalHub supports.</summary>
public abstract class AwardingAndRedeemingPoints(DatabaseProvider provider) : IAsyncLifetime
{
    private DentalHubApp? started;
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private PointsService points = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
            await started.Database.DisposeAsync();
        }
    }

    private async Task<Guid> StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        started = app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Points Dental");
        points = app.Services.GetRequiredService<PointsService>();
        return await app.AddPatientAsync(practice, "Pat", "Points");
    }

    [SkippableFact]
    public async Task Award_FromMenu_AddsItsPointsWithItsName()
    {
        var patient = await StartAsync();
        var item = await app.AddMenuItemAsync(practice, "On time for appointment", 50);
        var result = await points.AwardFromMenuAsync(practice.Tenant, RewardsTestData.Staff, patient, item, CancellationToken.None);
        Assert.Equal((null, 50L), (result.Error, result.Balance));
        var line = Assert.Single(await points.HistoryAsync(practice.Tenant, patient, 10, CancellationToken.None));
        Assert.Equal((50L, "On time for appointment", "Rae Rewards"), (line.Points, line.Reason, line.ActorName));
    }

    [SkippableFact]
    public async Task Award_CustomAmount_NeedsAReason()
    {
        var patient = await StartAsync();
        Assert.False((await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 30, " ", CancellationToken.None)).Succeeded);
        Assert.False((await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 0, "Zero", CancellationToken.None)).Succeeded);
        var result = await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 30, "Helped a sibling", CancellationToken.None);
        Assert.Equal((null, 30L), (result.Error, result.Balance));
    }

    [SkippableFact]
    public async Task Redeem_WithinBalance_TakesThePointsOff()
    {
        var patient = await StartAsync();
        await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 100, "Start", CancellationToken.None);
        var result = await points.RedeemAsync(practice.Tenant, RewardsTestData.Staff, patient, 60, "Movie tickets", CancellationToken.None);
        Assert.Equal((null, 40L), (result.Error, result.Balance));
        Assert.Equal(-60, (await points.HistoryAsync(practice.Tenant, patient, 10, CancellationToken.None))[0].Points);
    }

    [SkippableFact]
    public async Task Redeem_MoreThanBalance_IsRefusedAndNothingIsRecorded()
    {
        var patient = await StartAsync();
        await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 10, "Start", CancellationToken.None);
        var result = await points.RedeemAsync(practice.Tenant, RewardsTestData.Staff, patient, 11, "Too much", CancellationToken.None);
        Assert.Contains("Not enough points", result.Error);
        Assert.Equal(10, result.Balance);
        Assert.Single(await points.HistoryAsync(practice.Tenant, patient, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Award_TwentyInParallel_BalanceEqualsLedgerSum()
    {
        var patient = await StartAsync();
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Task.Run(() => points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, i, $"Parallel {i}", CancellationToken.None))));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(210, await points.BalanceAsync(practice.Tenant, patient, CancellationToken.None));
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal(20, await db.PointsEntries.CountAsync(e => e.PatientId == patient));
        Assert.Equal(210, await db.PointsEntries.Where(e => e.PatientId == patient).SumAsync(e => e.Points));
    }

    [SkippableFact]
    public async Task Redeem_TwentyInParallelOverABalanceForTen_NeverGoesBelowZero()
    {
        var patient = await StartAsync();
        await points.AwardAsync(practice.Tenant, RewardsTestData.Staff, patient, 100, "Start", CancellationToken.None);
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Task.Run(() => points.RedeemAsync(practice.Tenant, RewardsTestData.Staff, patient, 10, $"Prize {i}", CancellationToken.None))));
        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Equal(0, await points.BalanceAsync(practice.Tenant, patient, CancellationToken.None));
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal(0, await db.PointsEntries.Where(e => e.PatientId == patient).SumAsync(e => e.Points));
    }
}

public sealed class AwardingAndRedeemingPointsOnSqlite() : AwardingAndRedeemingPoints(DatabaseProvider.Sqlite);

public sealed class AwardingAndRedeemingPointsOnPostgres() : AwardingAndRedeemingPoints(DatabaseProvider.Postgres);
