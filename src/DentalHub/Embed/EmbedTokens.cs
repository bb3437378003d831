using System.Security.Cryptography;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Embed;

public sealed record MintedEmbedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>What a redeemed token grants: one patient of one practice, on behalf of whoever minted it.</summary>
public sealed record EmbedGrant(TenantScope Tenant, Guid PatientId, AuditActor MintedBy);

/// <summary>
/// One-time embed tokens (docs/decisions/0006): valid for <see cref="Lifetime"/>, redeemed at most once by a
/// conditional UPDATE (two frames racing with the same token: one wins), and only while the practice
/// lists origins that may frame the view.
/// </summary>
public sealed class EmbedTokens(DentalHubDbFactory databases, EmbedFraming framing, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private const string Prefix = "dhe_";

    /// <summary>A token for the patient, or what is in the way (a problem the caller can fix).</summary>
    public async Task<(MintedEmbedToken? Token, EmbedMintProblem? Problem)> MintAsync(TenantScope tenant, AuditActor actor, Guid patientId, CancellationToken cancellationToken)
    {
        if ((await framing.OriginsAsync(tenant, cancellationToken)).Count == 0)
        {
            return (null, new("This practice lists no site that may frame DentalHub: an Owner or Admin adds the PMS's origin on the PMS chart tab page first.", PatientUnknown: false));
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return (null, new($"This practice has no patient {patientId}.", PatientUnknown: true));
        }
        var now = time.GetUtcNow();
        // Spent and expired tokens are of no use to anyone; each mint sweeps the practice's old ones.
        await db.EmbedTokens.Where(t => t.ExpiresAt < now - TimeSpan.FromHours(1)).ExecuteDeleteAsync(cancellationToken);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new EmbedToken
        {
            PracticeId = tenant.PracticeId!.Value, OrganizationId = tenant.OrganizationId!.Value, PatientId = patientId,
            TokenHash = Hash(token), MintedByKind = actor.Kind, MintedById = actor.Id, MintedByName = actor.Name, CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        db.EmbedTokens.Add(row);
        audit.Add(db, actor, EmbedAuditActions.TokenMinted, "Chart tab link made", patientId);
        await db.SaveChangesAsync(cancellationToken);
        return (new MintedEmbedToken(token, row.ExpiresAt), null);
    }

    /// <summary>The grant, if the token is known, unused, unexpired and its practice still lists framing origins; spends it.</summary>
    public async Task<EmbedGrant?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var now = time.GetUtcNow();
        // The frame has no tenant yet: the token itself says which practice it belongs to.
        await using var db = databases.CreateWithoutTenant();
        var spent = await db.EmbedTokens.IgnoreQueryFilters()
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (spent != 1)
        {
            return null;
        }
        var row = await db.EmbedTokens.IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.TokenHash == hash, cancellationToken);
        var tenant = TenantScope.ForPractice(row.OrganizationId, row.PracticeId);
        if ((await framing.OriginsAsync(tenant, cancellationToken)).Count == 0)
        {
            return null;
        }
        return new EmbedGrant(tenant, row.PatientId, new AuditActor(row.MintedByKind, row.MintedById, row.MintedByName));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Why no chart-tab link was made: the patient is not the practice's, or the practice is not set up for frames.</summary>
public sealed record EmbedMintProblem(string Message, bool PatientUnknown);
