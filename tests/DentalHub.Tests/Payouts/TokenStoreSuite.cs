using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payouts;

/// <summary>A connection's OAuth tokens: encrypted at rest, and a rotated refresh token saved by one refresh only.</summary>
public abstract class TokenStoreSuite(DatabaseProvider provider) : IAsyncLifetime
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

    private async Task<(OAuthTokenStores Stores, TestPractice Practice)> StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        return (app.Services.GetRequiredService<OAuthTokenStores>(), await app.AddPracticeAsync("Token Dental"));
    }

    private static OAuthTokens Tokens(string refresh) => new("access-" + refresh, DateTimeOffset.UnixEpoch.AddYears(60), refresh,
        DateTimeOffset.UnixEpoch.AddYears(60), DateTimeOffset.UnixEpoch.AddYears(61), 0);

    [SkippableFact]
    public async Task SaveAsync_TwoRefreshesFromTheSameVersion_OnlyTheFirstIsSaved()
    {
        var (stores, practice) = await StartAsync();
        var store = stores.For(practice.ConnectionId, practice.PracticeId);
        var first = await store.SaveAsync(Tokens("rt-1"), 0, CancellationToken.None);

        var winner = await store.SaveAsync(Tokens("rt-2"), first!.Version, CancellationToken.None);
        var loser = await store.SaveAsync(Tokens("rt-3"), first.Version, CancellationToken.None);

        Assert.NotNull(winner);
        Assert.Null(loser);
        var stored = await store.ReadAsync(CancellationToken.None);
        Assert.Equal(("rt-2", winner.Version), (stored!.RefreshToken, stored.Version));
        Assert.Equal(Tokens("rt-2").RefreshTokenHardExpiresAt, stored.RefreshTokenHardExpiresAt);
    }

    [SkippableFact]
    public async Task SaveAsync_ConcurrentRefreshes_ExactlyOneWins()
    {
        var (stores, practice) = await StartAsync();
        var store = stores.For(practice.ConnectionId, practice.PracticeId);
        var first = await store.SaveAsync(Tokens("rt-0"), 0, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => store.SaveAsync(Tokens($"rt-{i}"), first!.Version, CancellationToken.None)));

        var saved = Assert.Single(results, r => r is not null);
        Assert.Equal(saved!.RefreshToken, (await store.ReadAsync(CancellationToken.None))!.RefreshToken);
    }

    [SkippableFact]
    public async Task Tokens_AreEncryptedAtRest()
    {
        var (stores, practice) = await StartAsync();
        await stores.For(practice.ConnectionId, practice.PracticeId).SaveAsync(Tokens("rt-secret-value"), 0, CancellationToken.None);

        await using var db = app!.Databases.Create(practice.Tenant);
        var row = await db.ConnectionTokens.AsNoTracking().SingleAsync();
        Assert.DoesNotContain("rt-secret-value", row.ProtectedTokens, StringComparison.Ordinal);
        Assert.DoesNotContain("access-rt-secret-value", row.ProtectedTokens, StringComparison.Ordinal);
    }
}

public sealed class TokenStoreOnSqlite() : TokenStoreSuite(DatabaseProvider.Sqlite);

public sealed class TokenStoreOnPostgres() : TokenStoreSuite(DatabaseProvider.Postgres);
