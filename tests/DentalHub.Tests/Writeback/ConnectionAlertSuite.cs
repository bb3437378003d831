using DentalHub.Alerts;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Writeback;

/// <summary>A broken connection with many writes behind it: one open alert, however many dispatchers meet the problem at once.</summary>
public abstract class ConnectionAlertSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private DentalHubApp? app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private async Task<TestPractice> StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        return await app.AddPracticeAsync("Alert Dental");
    }

    private static WritebackCommand CommandFor(TestPractice practice) => new()
    {
        PracticeId = practice.PracticeId,
        ConnectionId = practice.ConnectionId,
        Kind = WritebackKinds.Payment,
        OrderKey = Guid.NewGuid().ToString(),
        Reference = "DH-TEST",
        PayloadJson = "{}",
    };

    [SkippableFact]
    public async Task RaiseOnce_ManyDispatchersInTheirOwnTransactions_OneOpenAlert()
    {
        var practice = await StartAsync();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = app!.Databases.Create(practice.Tenant);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ConnectionAlerts.RaiseOnceAsync(db, CommandFor(practice), "Authorization was revoked.", now, CancellationToken.None);
            // The caller's transaction must still be usable after losing the race.
            await db.WritebackCommands.CountAsync();
            await transaction.CommitAsync();
        }));

        await using var read = app!.Databases.Create(practice.Tenant);
        var alert = Assert.Single(await read.Alerts.ToListAsync());
        Assert.Equal((AlertKinds.ConnectionNeedsAttention, practice.ConnectionId), (alert.Kind, alert.SubjectId));
    }

    [SkippableFact]
    public async Task RaiseOnce_AfterTheOpenOneWasResolved_RaisesANewOne()
    {
        var practice = await StartAsync();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        await using var db = app!.Databases.Create(practice.Tenant);

        await ConnectionAlerts.RaiseOnceAsync(db, CommandFor(practice), "Authorization was revoked.", now, CancellationToken.None);
        await ConnectionAlerts.ClearAsync(db, practice.ConnectionId, now.AddMinutes(5), CancellationToken.None);
        await ConnectionAlerts.RaiseOnceAsync(db, CommandFor(practice), "The subscription lapsed.", now.AddMinutes(10), CancellationToken.None);

        var alerts = await db.Alerts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync();
        Assert.Equal([true, false], alerts.Select(a => a.AcknowledgedAt is not null));
        Assert.Contains("subscription lapsed", alerts[1].Text);
    }
}

public sealed class ConnectionAlertOnSqlite() : ConnectionAlertSuite(DatabaseProvider.Sqlite);

public sealed class ConnectionAlertOnPostgres() : ConnectionAlertSuite(DatabaseProvider.Postgres);
