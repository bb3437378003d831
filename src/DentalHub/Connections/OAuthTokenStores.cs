using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Secrets;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Connections;

/// <summary>Hands each OAuth connection its own token store over the ConnectionTokens table.</summary>
public sealed class OAuthTokenStores(DentalHubDbFactory databases, SecretProtector secrets, TimeProvider time)
{
    public IOAuthTokenStore For(Guid connectionId, Guid practiceId) => new DatabaseTokenStore(this, connectionId, practiceId);

    /// <summary>Stores tokens from a new authorization, replacing any earlier ones (a reconnect).</summary>
    public async Task ReplaceAsync(Guid connectionId, Guid practiceId, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        var row = await db.ConnectionTokens.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.ConnectionId == connectionId, cancellationToken);
        if (row is null)
        {
            db.ConnectionTokens.Add(NewRow(connectionId, practiceId, tokens));
        }
        else
        {
            row.ProtectedTokens = Protect(tokens);
            row.RefreshTokenHardExpiresAt = tokens.RefreshTokenHardExpiresAt;
            row.Version++;
            row.UpdatedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        await db.ConnectionTokens.IgnoreQueryFilters().Where(t => t.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<OAuthTokens?> ReadAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        var row = await db.ConnectionTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.ConnectionId == connectionId, cancellationToken);
        return row is null ? null : Unprotect(row.ProtectedTokens, row.Version);
    }

    /// <summary>One conditional UPDATE on the version: the first refresh to save wins, the other gets null.</summary>
    private async Task<OAuthTokens?> SaveAsync(Guid connectionId, Guid practiceId, OAuthTokens tokens, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        var saved = await db.ConnectionTokens.IgnoreQueryFilters()
            .Where(t => t.ConnectionId == connectionId && t.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.ProtectedTokens, Protect(tokens))
                .SetProperty(t => t.RefreshTokenHardExpiresAt, tokens.RefreshTokenHardExpiresAt)
                .SetProperty(t => t.Version, expectedVersion + 1)
                .SetProperty(t => t.UpdatedAt, time.GetUtcNow()), cancellationToken);
        if (saved == 1)
        {
            return tokens with { Version = expectedVersion + 1 };
        }
        if (expectedVersion != 0)
        {
            return null;
        }
        try
        {
            // Version 0 means "none stored yet": the primary key lets only one first save in.
            db.ConnectionTokens.Add(NewRow(connectionId, practiceId, tokens));
            await db.SaveChangesAsync(cancellationToken);
            return tokens with { Version = 1 };
        }
        catch (DbUpdateException)
        {
            return null;
        }
    }

    private ConnectionTokens NewRow(Guid connectionId, Guid practiceId, OAuthTokens tokens) => new()
    {
        ConnectionId = connectionId,
        PracticeId = practiceId,
        ProtectedTokens = Protect(tokens),
        Version = 1,
        RefreshTokenHardExpiresAt = tokens.RefreshTokenHardExpiresAt,
        UpdatedAt = time.GetUtcNow(),
    };

    private string Protect(OAuthTokens tokens) => secrets.Protect(new Dictionary<string, string>
    {
        ["access"] = tokens.AccessToken,
        ["accessExpires"] = tokens.AccessTokenExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        ["refresh"] = tokens.RefreshToken,
        ["refreshExpires"] = tokens.RefreshTokenExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        ["refreshHardExpires"] = tokens.RefreshTokenHardExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
    })!;

    private OAuthTokens Unprotect(string protectedTokens, long version)
    {
        var values = secrets.Unprotect(protectedTokens);
        static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new OAuthTokens(values["access"], At(values["accessExpires"]), values["refresh"], At(values["refreshExpires"]),
            values.GetValueOrDefault("refreshHardExpires") is { Length: > 0 } hard ? At(hard) : null, version);
    }

    private sealed class DatabaseTokenStore(OAuthTokenStores stores, Guid connectionId, Guid practiceId) : IOAuthTokenStore
    {
        public Task<OAuthTokens?> ReadAsync(CancellationToken cancellationToken) => stores.ReadAsync(connectionId, cancellationToken);

        public Task<OAuthTokens?> SaveAsync(OAuthTokens tokens, long expectedVersion, CancellationToken cancellationToken) =>
            stores.SaveAsync(connectionId, practiceId, tokens, expectedVersion, cancellationToken);
    }
}
