using System.Security.Cryptography;
using System.Text;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Auth.ApiKeys;

/// <summary>The whole key, returned once at creation and never again.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>Issues, verifies and revokes practice API keys ("dh_" + prefix + "." + secret).</summary>
public sealed class ApiKeyService(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    private const string KeyStart = "dh_";

    public async Task<CreatedApiKey> CreateAsync(StaffSession session, string name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var unknown = scopes.Except(ApiScopes.All).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scope: {string.Join(", ", unknown)}.", nameof(scopes));
        }
        var prefix = KeyStart + RandomToken(9);
        var secret = RandomToken(32);
        var key = new ApiKey
        {
            PracticeId = session.PracticeId,
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', scopes.Distinct()),
            CreatedByUserId = session.UserId,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = databases.Create(session.Tenant);
        db.ApiKeys.Add(key);
        audit.Add(db, session.Actor, AuditActions.ApiKeyCreated, $"API key '{key.Name}' ({prefix})");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key, $"{prefix}.{secret}");
    }

    public async Task<bool> RevokeAsync(StaffSession session, Guid keyId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(session.Tenant);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null || !key.IsActive)
        {
            return false;
        }
        key.RevokedAt = time.GetUtcNow();
        audit.Add(db, session.Actor, AuditActions.ApiKeyRevoked, $"API key '{key.Name}' ({key.Prefix})");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The active key the presented value belongs to, with its organization; null when unknown, wrong or revoked.</summary>
    public async Task<(ApiKey Key, Guid OrganizationId)?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (!presented.StartsWith(KeyStart, StringComparison.Ordinal) || dot < 0)
        {
            return null;
        }
        var prefix = presented[..dot];
        var secret = presented[(dot + 1)..];
        await using var db = databases.CreateWithoutTenant();
        // Authentication is the one API path that looks a key up before the tenant is known.
        var found = await (
            from key in db.ApiKeys.IgnoreQueryFilters()
            join practice in db.Practices.IgnoreQueryFilters() on key.PracticeId equals practice.Id
            where key.Prefix == prefix
            select new { key, practice.OrganizationId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !found.key.IsActive || !CryptographicOperations.FixedTimeEquals(found.key.SecretHash, Hash(secret)))
        {
            return null;
        }
        await MarkUsedAsync(db, found.key, cancellationToken);
        return (found.key, found.OrganizationId);
    }

    private async Task MarkUsedAsync(DentalHubDb db, ApiKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Once a minute is enough to show "last used" without a write per request.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
}
