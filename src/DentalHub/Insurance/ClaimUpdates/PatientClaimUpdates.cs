using System.Globalization;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Insurance.ClaimUpdates;

/// <summary>
/// Changes to where a patient's insurance claims stand, asked for on the profile or through the API and written to the
/// PMS exactly once (decision 3): each committed with its command, only over the status staff saw, and shown with where
/// it is. A connection whose connector cannot take them is named, not pretended to.
/// </summary>
public sealed class PatientClaimUpdates(
    DentalHubDbFactory databases, PmsRecords records, ConnectorFactory connectors, WritebackSignal writeback, AuditLog audit, TimeProvider time)
{
    public const string WritebackOff = "Claim updates are off: an Owner or Admin turns them on under Settings › Writeback.";
    public const string NotInPractice = "This patient is not in this practice.";
    public const string NoSuchClaim = "This patient has no such claim.";
    public const string ShownClaims = "Choose sent, received, waiting to send, on hold or unsent.";

    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Who may change claims: those who handle money (on the profile, Owners and Admins; Financial through the API).</summary>
    public static bool MayUpdate(PracticeRole role) => role is PracticeRole.Owner or PracticeRole.Admin or PracticeRole.Financial;

    /// <summary>Said instead of the action; <paramref name="missing"/> is what the connection lacks, when its connector can say.</summary>
    public static string NotPossibleThrough(string system, string? missing = null) =>
        missing is null ? $"Claim updates are not possible through {system}." : $"Claim updates are not possible through {system}: {missing}.";

    /// <summary>An error no other input would avoid (writeback off, the PMS cannot, a received claim, an update under way): 409 in the API.</summary>
    public static bool IsNotPossible(string error) =>
        error is WritebackOff || error.StartsWith("Claim updates are not possible through ", StringComparison.Ordinal)
        || error.StartsWith("A received claim ", StringComparison.Ordinal) || error.StartsWith("An update of this claim ", StringComparison.Ordinal);

    /// <summary>The patient's claims, newest service first, each with its latest update and whether one may be asked for.</summary>
    public async Task<IReadOnlyList<ClaimLine>> ClaimsAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await ClaimsAsync(db, patientId, take, cancellationToken);
    }

    /// <summary>The updates asked for the patient's claims, newest first, each with where it is in the PMS.</summary>
    public async Task<IReadOnlyList<ClaimUpdateLine>> ListAsync(TenantScope tenant, Guid patientId, int take, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return (await UpdatesAsync(db, patientId, take, cancellationToken)).Select(u => u.Line).ToList();
    }

    /// <summary>
    /// Records the update and, in the same transaction, the command that writes it; the error, in words, when it is not
    /// recorded (writeback off, no such claim, the PMS cannot take it, a received claim, a day in the future).
    /// </summary>
    public async Task<(ClaimUpdate? Added, string? Error)> RequestAsync(
        TenantScope tenant, AuditActor actor, Guid patientId, string claimPmsId, ClaimUpdateInput input, CancellationToken cancellationToken)
    {
        if (input.Status == ClaimStatus.Other)
        {
            return (null, ShownClaims);
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return (null, NotInPractice);
        }
        var matching = (await ClaimsAsync(db, patientId, int.MaxValue, cancellationToken))
            .Where(c => c.ClaimPmsId == claimPmsId && (input.ConnectionId is null || c.ConnectionId == input.ConnectionId)).ToList();
        if (matching.Count == 0)
        {
            return (null, NoSuchClaim);
        }
        if (matching.Count > 1)
        {
            return (null, $"The patient has a claim {claimPmsId} in more than one connection: say which connection's.");
        }
        var claim = matching[0];
        if (claim.NotPossible is { } notPossible)
        {
            return (null, notPossible);
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, (await db.Practices.AsNoTracking().SingleAsync(cancellationToken)).TimeZone).DateTime);
        var dated = input.Status is ClaimStatus.Sent or ClaimStatus.Received;
        var date = dated ? input.Date ?? today : (DateOnly?)null;
        if (date > today)
        {
            return (null, $"A claim cannot be marked {InsuranceText.Status(input.Status)} on a day still to come.");
        }
        if (input.Status == ClaimStatus.Received && claim.SentOn is { } sentOn && date < sentOn)
        {
            return (null, $"A claim cannot be received before it was sent ({sentOn.ToString("MMM d, yyyy", Display)}).");
        }
        if (claim.Status == input.Status && (!dated || date == (input.Status == ClaimStatus.Sent ? claim.SentOn : claim.ReceivedOn)))
        {
            return (null, $"The claim is already {InsuranceText.Status(input.Status)}.");
        }
        var update = new ClaimUpdate
        {
            PracticeId = tenant.PracticeId!.Value,
            PatientId = patientId,
            ConnectionId = claim.ConnectionId,
            ClaimPmsId = claim.ClaimPmsId,
            From = claim.Status,
            To = input.Status,
            Date = date,
            EnteredBy = actor.Name,
            EnteredAt = now,
        };
        var patientPmsId = await db.Claims.AsNoTracking()
            .Where(c => c.ConnectionId == claim.ConnectionId && c.PmsId == claim.ClaimPmsId).Select(c => c.PatientPmsId).SingleAsync(cancellationToken);
        db.ClaimUpdates.Add(update);
        db.WritebackCommands.Add(Command(update, patientPmsId ?? "", now));
        audit.Add(db, actor, AuditActions.PatientChanged, $"Claim {update.ClaimPmsId} marked {InsuranceText.Status(update.To)} in the PMS", patientId);
        await db.SaveChangesAsync(cancellationToken);
        writeback.Wake();
        return (update, null);
    }

    private async Task<IReadOnlyList<ClaimLine>> ClaimsAsync(DentalHubDb db, Guid patientId, int take, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.DeletedAt == null && db.PatientLinks.Any(l => l.PatientId == patientId && l.ConnectionId == c.ConnectionId && l.PmsId == c.PatientPmsId))
            .OrderByDescending(c => c.ServiceDate).ThenByDescending(c => c.PmsId)
            .Take(take)
            .ToListAsync(cancellationToken);
        var connectionIds = claims.Select(c => c.ConnectionId).Distinct().ToList();
        var connections = (await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => (System: records.SystemName(c), Missing: c.Enabled ? Missing(c) : "the connection is turned off"));
        var on = (await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.UpdateClaims == true;
        var updates = await UpdatesAsync(db, patientId, int.MaxValue, cancellationToken);
        return claims.Select(c =>
        {
            var (system, missing) = connections[c.ConnectionId];
            var latest = updates.FirstOrDefault(u => u.Line.ConnectionId == c.ConnectionId && u.Line.ClaimPmsId == c.PmsId);
            // A change written since the claim was last read stands until the next read brings the claim itself.
            var written = latest.Command is { State: WritebackState.Confirmed or WritebackState.HandledByHand } command && command.UpdatedAt > c.UpdatedAt;
            var status = written ? latest.Line.To : c.Status;
            var sentOn = written && latest.Line.To == ClaimStatus.Sent ? latest.Line.Date : c.SentOn;
            var receivedOn = written && latest.Line.To == ClaimStatus.Received ? latest.Line.Date : c.ReceivedOn;
            string? notPossible = !on ? WritebackOff
                : missing is not null ? NotPossibleThrough(system, missing.Length == 0 ? null : missing)
                : latest.Command is { State: not (WritebackState.Confirmed or WritebackState.HandledByHand or WritebackState.Rejected) }
                    ? $"An update of this claim is still being written to {system}."
                : status == ClaimStatus.Received ? $"A received claim is changed in {system}, where its insurance payment is entered."
                : null;
            return new ClaimLine(c.ConnectionId, c.PmsId, c.ClaimType, c.ServiceDate, sentOn, receivedOn, c.Billed, c.EstimatedPayment, c.Paid,
                status, system, latest.Line, notPossible);
        }).ToList();
    }

    /// <summary>Null when the connection takes claim updates; else what it lacks ("" when its connector cannot take them at all).</summary>
    private string? Missing(Connection connection)
    {
        try
        {
            var connector = connectors.Create(connection);
            return connector is IWritesClaimUpdates ? connector.MissingFor(typeof(IWritesClaimUpdates)) : "";
        }
        catch (ConnectorConfigurationException)
        {
            return "";
        }
    }

    private async Task<IReadOnlyList<(ClaimUpdateLine Line, WritebackCommand? Command)>> UpdatesAsync(
        DentalHubDb db, Guid patientId, int take, CancellationToken cancellationToken)
    {
        var updates = await db.ClaimUpdates.AsNoTracking().Where(u => u.PatientId == patientId)
            .OrderByDescending(u => u.EnteredAt).Take(take).ToListAsync(cancellationToken);
        var commands = await records.CommandsAsync(db, WritebackKinds.ClaimUpdate, updates.Select(u => u.Id).ToList(), cancellationToken);
        return updates.Select(u =>
        {
            var found = commands.TryGetValue(u.Id, out var c);
            var state = found ? PmsLogState.Of(c.Command, c.System, PmsWriteWords.Record) : new PmsLogState(PmsLogDisplay.LoggingOff, "Writeback off");
            return (new ClaimUpdateLine(u.Id, u.ConnectionId, u.ClaimPmsId, u.From, u.To, u.Date, u.EnteredBy, u.EnteredAt, state), found ? c.Command : null);
        }).ToList();
    }

    private static WritebackCommand Command(ClaimUpdate update, string patientPmsId, DateTimeOffset now)
    {
        var reference = "DHU-" + update.Id.ToString("N")[..20].ToUpperInvariant();
        var write = new PmsClaimUpdate(reference, patientPmsId, update.ClaimPmsId, Pms(update.From), Pms(update.To), update.Date);
        // Per claim: two changes to one claim go in the order asked; a claim does not wait for the patient's other writes.
        return WritebackCommand.Pending(update.PracticeId, update.ConnectionId, WritebackKinds.ClaimUpdate, update.Id,
            $"claim:{update.ConnectionId}:{update.ClaimPmsId}", reference, write, now);
    }

    private static PmsClaimStatus Pms(ClaimStatus status) => status switch
    {
        ClaimStatus.Unsent => PmsClaimStatus.Unsent,
        ClaimStatus.OnHold => PmsClaimStatus.OnHold,
        ClaimStatus.Waiting => PmsClaimStatus.Waiting,
        ClaimStatus.Sent => PmsClaimStatus.Sent,
        ClaimStatus.Received => PmsClaimStatus.Received,
        _ => PmsClaimStatus.Other,
    };
}
