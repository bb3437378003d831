using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Persistence;

/// <summary>
/// What DentalHub needs of its database, run on every provider it supports: one suite, two databases.
/// </summary>
public abstract class PersistenceSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private DentalHubApp? started;
    private DentalHubApp app = default!;
    private TestPractice practice = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
            await started.Database.DisposeAsync();
        }
    }

    /// <summary>Starts the app on this suite's database, or skips the test when that database is not available.</summary>
    private async Task StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        started = app = new DentalHubApp(TestDatabase.CreateEmpty(provider));
        practice = await app.AddPracticeAsync("Persistence Dental");
    }

    [SkippableFact]
    public async Task Migrations_AppliedAtStart_LeaveNothingPending()
    {
        await StartAsync();
        await using var db = app.Databases.CreateWithoutTenant();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [SkippableFact]
    public async Task Timestamps_StoredInUtc_ComeBackEqualAndSortable()
    {
        await StartAsync();
        var times = new[] { new DateTimeOffset(2026, 3, 8, 7, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 8, 1, 0, TimeSpan.Zero) };
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            foreach (var at in times.Reverse())
            {
                db.AuditEntries.Add(new AuditEntry { PracticeId = practice.PracticeId, At = at, ActorId = "t", ActorName = "Test", Action = "test.time" });
            }
            await db.SaveChangesAsync();
        }
        await using var read = app.Databases.Create(practice.Tenant);
        var stored = await read.AuditEntries.Where(e => e.Action == "test.time" && e.At >= times[0]).OrderBy(e => e.At).Select(e => e.At).ToListAsync();
        Assert.Equal(times, stored);
    }

    [SkippableFact]
    public async Task AuditEntry_ChangedOrDeleted_IsRefused()
    {
        await StartAsync();
        await app.Services.GetRequiredService<AuditLog>().RecordAsync(practice.Tenant, AuditActor.System, "test.append-only");
        await using var db = app.Databases.Create(practice.Tenant);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "test.append-only");
        db.AuditEntries.Remove(entry);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", error.Message);
    }

    [SkippableFact]
    public async Task Membership_SamePersonTwiceInOnePractice_IsRefusedByTheDatabase()
    {
        await StartAsync();
        var staff = await app.AddStaffAsync("Dana Duplicate", (practice, PracticeRole.Rewards));
        await using var db = app.Databases.Create(practice.Tenant);
        db.Memberships.Add(new PracticeMembership { PracticeId = practice.PracticeId, UserId = staff.UserId, Role = PracticeRole.Admin });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task Connection_SavedAndReadBack_KeepsItsState()
    {
        await StartAsync();
        var checkedAt = new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var connection = await db.Connections.SingleAsync(c => c.Id == practice.ConnectionId);
            connection.LastCheckAt = checkedAt;
            connection.LastCheckSucceeded = false;
            connection.LastCheckMessage = "The API key was refused.";
            connection.Enabled = false;
            await db.SaveChangesAsync();
        }
        await using var read = app.Databases.Create(practice.Tenant);
        var stored = await read.Connections.AsNoTracking().SingleAsync(c => c.Id == practice.ConnectionId);
        Assert.Equal(checkedAt, stored.LastCheckAt);
        Assert.False(stored.LastCheckSucceeded);
        Assert.False(stored.Enabled);
        Assert.Equal("The API key was refused.", stored.LastCheckMessage);
    }
}

public sealed class PersistenceOnSqlite() : PersistenceSuite(DatabaseProvider.Sqlite);

public sealed class PersistenceOnPostgres() : PersistenceSuite(DatabaseProvider.Postgres);
