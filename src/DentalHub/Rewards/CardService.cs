using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Rewards;

public sealed record CardView(string Number, bool Active, DateTimeOffset ConnectedAt, string ConnectedBy, DateTimeOffset? ReplacedAt);

/// <summary>The outcome of connecting a card: null Error means done.</summary>
public sealed record CardResult(string? Error)
{
    public static CardResult Done { get; } = new((string?)null);
    public bool Succeeded => Error is null;
}

/// <summary>
/// Connects and replaces rewards cards. The points live on the patient's ledger, not on the card, so
/// a replacement carries the balance over by construction.
/// </summary>
public sealed class CardService(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<CardView>> HistoryAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.RewardCards.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.ActiveForPatientId != null).ThenByDescending(c => c.ConnectedAt)
            .Select(c => new CardView(c.Number, c.ActiveForPatientId != null, c.ConnectedAt, c.ConnectedBy, c.ReplacedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Gives the patient this card; an active card they had before is kept as replaced history.</summary>
    public async Task<CardResult> ConnectAsync(TenantScope tenant, AuditActor actor, Guid patientId, string? typed, CancellationToken cancellationToken)
    {
        if (CardNumbers.Normalize(typed) is not { } number)
        {
            return new CardResult($"A card number is {CardNumbers.Length} digits. Swipe the card again or type the number from its back.");
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return new CardResult("This patient is not in this practice.");
        }
        if (await HolderProblemAsync(db, tenant, patientId, number, cancellationToken) is { } problem)
        {
            return new CardResult(problem);
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await db.RewardCards.Where(c => c.ActiveForPatientId == patientId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ActiveForPatientId, (Guid?)null).SetProperty(x => x.ReplacedAt, now), cancellationToken);
        db.RewardCards.Add(new RewardCard
        {
            PracticeId = tenant.PracticeId!.Value,
            OrganizationId = tenant.OrganizationId!.Value,
            PatientId = patientId,
            Number = number,
            ActiveForPatientId = patientId,
            ConnectedAt = now,
            ConnectedBy = actor.Name,
        });
        audit.Add(db, actor, replaced > 0 ? RewardAuditActions.CardReplaced : RewardAuditActions.CardConnected, $"Card {CardNumbers.Masked(number)}", patientId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CardResult.Done;
        }
        catch (DbUpdateException)
        {
            // Someone connected the same number between our check and our insert: the unique index refused it.
            await transaction.RollbackAsync(CancellationToken.None);
            await using var again = databases.Create(tenant);
            return new CardResult(await HolderProblemAsync(again, tenant, patientId, number, CancellationToken.None)
                ?? "The card could not be connected because it changed at the same moment. Try again.");
        }
    }

    /// <summary>Who already holds the number in the organization, named only when the holder is a patient of this practice (which the person may open).</summary>
    internal static async Task<string?> HolderProblemAsync(DentalHubDb db, TenantScope tenant, Guid patientId, string number, CancellationToken cancellationToken)
    {
        // Card numbers are unique across the organization, so the check reads every practice of it.
        var holder = await db.RewardCards.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganizationId == tenant.OrganizationId && c.Number == number)
            .Select(c => new { c.PatientId, c.PracticeId, Active = c.ActiveForPatientId != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return null;
        }
        if (holder.PatientId == patientId)
        {
            return holder.Active ? "This card is already this patient's card." : "This card was this patient's before and was replaced. Use a new card.";
        }
        if (holder.PracticeId != tenant.PracticeId)
        {
            var practice = await db.Practices.IgnoreQueryFilters().Where(p => p.Id == holder.PracticeId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            return $"Card {CardNumbers.Masked(number)} already belongs to a patient of {practice ?? "another practice"} in your organization. Use a new card.";
        }
        var name = await db.Patients.Where(p => p.Id == holder.PatientId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefaultAsync(cancellationToken);
        return holder.Active
            ? $"Card {CardNumbers.Masked(number)} is {name}'s card. Use a new card, or replace the card on {name}'s profile."
            : $"Card {CardNumbers.Masked(number)} was {name}'s card before it was replaced; a card is never reused. Use a new card.";
    }
}

/// <summary>Audit actions of the rewards programme.</summary>
public static class RewardAuditActions
{
    public const string CardConnected = "card.connected";
    public const string CardReplaced = "card.replaced";
    public const string PointsAwarded = "points.awarded";
    public const string PointsRedeemed = "points.redeemed";
    public const string MenuChanged = "reward-menu.changed";
    public const string ProfileLaunched = "patient.launched";
    public const string ProfileUpdatedAtLaunch = "patient.updated-at-launch";
    public const string CardWaitingForLaunch = "card.waiting-for-launch";
}
