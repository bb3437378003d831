using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Rewards;

public sealed record PointsLine(long Points, PointsEntryKind Kind, string Reason, string ActorName, DateTimeOffset At);

/// <summary>What happened to a posting: null Error means it was recorded; Balance is the balance after (or as it stands when refused).</summary>
public sealed record PointsResult(string? Error, long Balance)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Awards and redeems points on the patient's ledger. The balance never goes below zero and stays
/// right under concurrency: each posting is one transaction that (1) makes sure the balance row
/// exists, (2) runs <c>UPDATE … SET Balance = Balance + @p WHERE PatientId = @id AND Balance + @p >= 0</c>
/// and (3) appends the ledger line. We chose the conditional UPDATE over a serializable transaction
/// because it needs no retry loop: on PostgreSQL the UPDATE takes the row lock and re-checks its
/// condition against the latest committed balance, so concurrent postings queue on one row; on SQLite
/// the write transaction holds the database's single write lock (busy_timeout makes others wait).
/// Zero rows updated means "not enough points", decided by the database, not by a stale read.
/// </summary>
public sealed class PointsService(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    /// <summary>A bound on one posting, far above any real award, that keeps sums far from overflow.</summary>
    public const long MaxPerPosting = 1_000_000;

    public async Task<long> BalanceAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PointsBalances.Where(b => b.PatientId == patientId).Select(b => b.Balance).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PointsLine>> HistoryAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PointsEntries.AsNoTracking().Where(e => e.PatientId == patientId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new PointsLine(e.Points, e.Kind, e.Reason, e.ActorName, e.At))
            .ToListAsync(cancellationToken);
    }

    public async Task<PointsResult> AwardFromMenuAsync(TenantScope tenant, AuditActor actor, Guid patientId, Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var item = await db.RewardItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.Active, cancellationToken);
        if (item is null)
        {
            return new PointsResult("That reward is no longer on the menu.", await BalanceAsync(tenant, patientId, cancellationToken));
        }
        return await PostAsync(tenant, actor, patientId, item.Points, PointsEntryKind.Award, item.Name, item.Id, null, cancellationToken);
    }

    public Task<PointsResult> AwardAsync(TenantScope tenant, AuditActor actor, Guid patientId, long points, string? reason, CancellationToken cancellationToken) =>
        Validate(points, reason) is { } problem
            ? Refuse(tenant, patientId, problem, cancellationToken)
            : PostAsync(tenant, actor, patientId, points, PointsEntryKind.Award, reason!.Trim(), null, null, cancellationToken);

    public Task<PointsResult> RedeemAsync(TenantScope tenant, AuditActor actor, Guid patientId, long points, string? reason, CancellationToken cancellationToken) =>
        Validate(points, reason) is { } problem
            ? Refuse(tenant, patientId, problem, cancellationToken)
            : PostAsync(tenant, actor, patientId, -points, PointsEntryKind.Redeem, reason!.Trim(), null, null, cancellationToken);

    /// <summary>A rule's grant, paid at most once per <paramref name="grantKey"/> and patient. Returns false when it was already paid.</summary>
    internal async Task<bool> GrantOnceAsync(TenantScope tenant, Guid patientId, long points, PointsEntryKind kind, string reason, string grantKey, CancellationToken cancellationToken)
    {
        await using (var db = databases.Create(tenant))
        {
            if (await db.PointsEntries.AnyAsync(e => e.PatientId == patientId && e.GrantKey == grantKey, cancellationToken))
            {
                return false;
            }
        }
        // Two runs racing past the check meet the unique index on (PatientId, GrantKey): one commits, the other rolls back whole.
        var result = await PostAsync(tenant, AuditActor.System, patientId, points, kind, reason, null, grantKey, cancellationToken);
        return result.Succeeded;
    }

    private static string? Validate(long points, string? reason) => (points, reason) switch
    {
        ( <= 0, _) => "Enter a number of points above zero.",
        ( > MaxPerPosting, _) => $"At most {MaxPerPosting:N0} points at a time.",
        (_, null or "") or (_, { Length: > 200 }) => "Say why (up to 200 characters): it shows in the patient's history.",
        _ when string.IsNullOrWhiteSpace(reason) => "Say why: it shows in the patient's history.",
        _ => null,
    };

    private async Task<PointsResult> Refuse(TenantScope tenant, Guid patientId, string problem, CancellationToken cancellationToken) =>
        new(problem, await BalanceAsync(tenant, patientId, cancellationToken));

    private async Task<PointsResult> PostAsync(TenantScope tenant, AuditActor actor, Guid patientId, long points, PointsEntryKind kind, string reason, Guid? itemId, string? grantKey, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var practiceId = tenant.PracticeId ?? throw new InvalidOperationException("Points need a practice.");
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return new PointsResult("This patient is not in this practice.", 0);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "PointsBalances" ("PatientId", "PracticeId", "Balance") VALUES ({patientId}, {practiceId}, {0L}) ON CONFLICT ("PatientId") DO NOTHING""",
            cancellationToken);
        var updated = await db.PointsBalances.Where(b => b.PatientId == patientId && b.Balance + points >= 0)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Balance, x => x.Balance + points), cancellationToken);
        if (updated == 0)
        {
            var balance = await db.PointsBalances.Where(b => b.PatientId == patientId).Select(b => b.Balance).FirstAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return new PointsResult($"Not enough points: the balance is {balance:N0}, so {-points:N0} cannot be redeemed.", balance);
        }
        db.PointsEntries.Add(new PointsEntry
        {
            PracticeId = practiceId,
            PatientId = patientId,
            Points = points,
            Kind = kind,
            Reason = reason,
            RewardItemId = itemId,
            GrantKey = grantKey,
            ActorId = actor.Id,
            ActorName = actor.Name,
            At = time.GetUtcNow(),
        });
        audit.Add(db, actor, points >= 0 ? RewardAuditActions.PointsAwarded : RewardAuditActions.PointsRedeemed, $"{points:+#;-#;0} points ({kind})", patientId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (grantKey is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new PointsResult("Already granted.", 0);
        }
        var after = await db.PointsBalances.Where(b => b.PatientId == patientId).Select(b => b.Balance).FirstAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PointsResult(null, after);
    }
}
