using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Launch;

public sealed record SetCardResult(bool Succeeded, string Message, Guid? PatientId);

/// <summary>
/// Orthotrac's "Set card number": the PMS names its patient and a card. A linked patient gets the card
/// (if nobody holds it); an unlinked PMS patient whose card already belongs to a profile is linked to
/// that profile, which is how a patient already in the hub with a card joins the PMS.
/// </summary>
public sealed class LaunchCards(DentalHubDbFactory databases, LaunchService launch, CardService cards, AuditLog audit, TimeProvider time)
{
    public async Task<SetCardResult> SetCardAsync(TenantScope tenant, AuditActor actor, LaunchRequest request, string? card, CancellationToken cancellationToken)
    {
        if (CardNumbers.Normalize(card) is not { } number)
        {
            return new(false, $"The card number must be {CardNumbers.Length} digits. Swipe the card again in the PMS.", null);
        }
        if (string.IsNullOrWhiteSpace(request.PmsPatientId))
        {
            return new(false, "The PMS did not say which patient (the patientId parameter is missing).", null);
        }
        await using var db = databases.Create(tenant);
        var (connectionId, problem) = await launch.ConnectionAsync(db, request, cancellationToken);
        if (connectionId is not { } connection)
        {
            return new(false, problem!, null);
        }
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
            return new(false, "This PMS patient is not in the hub yet and nobody holds this card. Open the hub for the patient from the PMS (Launch), then connect the card on the profile.", null);
        }
        if (await db.PatientLinks.AnyAsync(l => l.ConnectionId == connection && l.PatientId == holderId, cancellationToken))
        {
            return new(false, "This card belongs to a profile that is already linked to another patient of this PMS. Check the card number.", null);
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
        return new(true, "The PMS patient is now linked to the profile that holds this card.", holderId);
    }
}
