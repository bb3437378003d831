using DentalHub.Audit;
using DentalHub.Components.Shared;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Launch;

public sealed record SetCardResult(bool Succeeded, string Message, Guid? PatientId)
{
    /// <summary>The card waits for the patient's first launch (the PMS patient is not in the hub yet).</summary>
    public bool Waiting { get; init; }
}

/// <summary>A card waiting for its patient's first launch, as staff see it (the number masked).</summary>
public sealed record WaitingCardView(string SystemName, string PmsId, string Card, string SetBy, DateTimeOffset SetAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Orthotrac's "Set card number": the PMS names its patient and a card. A linked patient gets the card
/// (if nobody holds it); an unlinked PMS patient whose card already belongs to a profile is linked to
/// that profile, which is how a patient already in the hub with a card joins the PMS; an unlinked PMS patient with a
/// new card is a new patient: the card waits (<see cref="WaitingCard"/>) for the launch that creates the profile.
/// </summary>
public sealed class LaunchCards(DentalHubDbFactory databases, LaunchService launch, CardService cards, PmsRecords records, AuditLog audit, TimeProvider time)
{
    /// <summary>The cards waiting for their patient's first launch, soonest to expire first; expired ones are left out.</summary>
    public async Task<IReadOnlyList<WaitingCardView>> WaitingAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var now = time.GetUtcNow();
        var waiting = await db.WaitingCards.AsNoTracking().Where(w => w.ExpiresAt > now).OrderBy(w => w.ExpiresAt).ToListAsync(cancellationToken);
        var connectionIds = waiting.Select(w => w.ConnectionId).Distinct().ToList();
        var systems = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, records.SystemName);
        return [.. waiting.Select(w => new WaitingCardView(systems.GetValueOrDefault(w.ConnectionId, SystemNames.Fallback), w.PmsId, CardNumbers.Masked(w.Number), w.SetBy, w.SetAt, w.ExpiresAt))];
    }

    public async Task<SetCardResult> SetCardAsync(TenantScope tenant, AuditActor actor, LaunchRequest request, string? card, CancellationToken cancellationToken)
    {
        if (CardNumbers.Normalize(card) is not { } number)
        {
            return new(false, $"The card number must be {CardNumbers.Length} digits. Swipe the card again in the PMS.", null);
        }
        if (string.IsNullOrWhiteSpace(request.PmsPatientId) || request.PmsPatientId.Trim().Length > 64)
        {
            return new(false, "The PMS did not say which patient (the patientId parameter is missing).", null);
        }
        await using var db = databases.Create(tenant);
        var (chosen, problem) = await launch.ConnectionAsync(db, request, cancellationToken);
        if (chosen is null)
        {
            return new(false, problem!, null);
        }
        var connection = chosen.Id;
        var pmsId = request.PmsPatientId.Trim();
        var linked = await db.PatientLinks.Where(l => l.ConnectionId == connection && l.PmsId == pmsId).Select(l => (Guid?)l.PatientId).FirstOrDefaultAsync(cancellationToken);
        var holder = await db.RewardCards.Where(c => c.Number == number && c.ActiveForPatientId != null).Select(c => (Guid?)c.PatientId).FirstOrDefaultAsync(cancellationToken);
        if (linked is { } patientId)
        {
            if (holder == patientId)
            {
                return new(true, "This card is already the patient's card.", patientId);
            }
            var result = await cards.ConnectAsync(tenant, actor, patientId, number, cancellationToken);
            return new(result.Succeeded, result.Error ?? "Card connected to the patient's profile.", patientId);
        }
        if (holder is not { } holderId)
        {
            return await WaitForLaunchAsync(db, tenant, actor, chosen, pmsId, number, cancellationToken);
        }
        if (await db.PatientLinks.AnyAsync(l => l.ConnectionId == connection && l.PatientId == holderId, cancellationToken))
        {
            return new(false, $"This card belongs to a profile that is already linked to another patient of {chosen.SystemName}. Check the card number.", null);
        }
        var now = time.GetUtcNow();
        db.PatientLinks.Add(new PatientLink
        {
            PracticeId = tenant.PracticeId!.Value,
            ConnectionId = connection,
            PmsId = pmsId,
            PatientId = holderId,
            ContentHash = 0,
            LinkedAt = now,
            SyncedAt = now,
        });
        audit.Add(db, actor, RewardAuditActions.ProfileLaunched, $"PMS patient linked by card {CardNumbers.Masked(number)}", holderId);
        await db.SaveChangesAsync(cancellationToken);
        return new(true, $"The {chosen.SystemName} patient is now linked to the profile that holds this card.", holderId);
    }

    /// <summary>
    /// Keeps the card for the launch that brings this PMS patient into the hub. The latest card set wins: a card set again
    /// for another PMS patient (a mistyped patient), or another card for this one, replaces what waited.
    /// </summary>
    private async Task<SetCardResult> WaitForLaunchAsync(DentalHubDb db, TenantScope tenant, AuditActor actor, LaunchConnection connection, string pmsId, string number, CancellationToken cancellationToken)
    {
        if (await CardService.HolderProblemAsync(db, tenant, Guid.Empty, number, cancellationToken) is { } taken)
        {
            return new(false, taken, null);
        }
        var now = time.GetUtcNow();
        var waiting = new WaitingCard
        {
            PracticeId = tenant.PracticeId!.Value,
            ConnectionId = connection.Id,
            PmsId = pmsId,
            Number = number,
            SetBy = actor.Name,
            SetAt = now,
            ExpiresAt = now + WaitingCard.Lifetime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WaitingCards.Where(w => w.Number == number || (w.ConnectionId == connection.Id && w.PmsId == pmsId)).ExecuteDeleteAsync(cancellationToken);
        db.WaitingCards.Add(waiting);
        audit.Add(db, actor, RewardAuditActions.CardWaitingForLaunch, $"Card {CardNumbers.Masked(number)} set from {connection.SystemName} for PMS patient {pmsId}, waiting for its launch", null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new(false, "The card was set for another patient at the same moment. Set it again.", null);
        }
        var zone = await db.Practices.Select(p => p.TimeZoneId).SingleAsync(cancellationToken);
        return new(true,
            $"Card {CardNumbers.Masked(number)} waits for this patient: open the patient from {connection.SystemName} (Launch) by {PracticeTime.Format(waiting.ExpiresAt, zone)}, and the profile is created or linked with this card.", null)
        {
            Waiting = true,
        };
    }
}
