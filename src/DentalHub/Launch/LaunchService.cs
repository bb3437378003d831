using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Launch;

/// <summary>What a PMS sends when it opens the hub for one of its patients (topsOrtho and Orthotrac style URLs).</summary>
public sealed record LaunchRequest(
    string? Pms, Guid? ConnectionId, string? PmsPatientId, string? FirstName, string? LastName, DateOnly? BirthDate,
    string? Email = null, string? HomePhone = null, string? MobilePhone = null, string? AccountHolderId = null);

public sealed record FieldDifference(string Field, string InHub, string FromPms);

public enum LaunchOutcome
{
    /// <summary>The PMS patient is linked to a profile and what the PMS sent agrees with it.</summary>
    Linked,
    /// <summary>Linked, but the names or birthdate sent differ from the profile: shown, never guessed.</summary>
    Differs,
    /// <summary>Not linked; exactly one unlinked profile has the same name and birthdate.</summary>
    Matches,
    /// <summary>Not linked and no profile matches: a new profile is made from what the PMS sent.</summary>
    New,
    /// <summary>Not linked and several profiles match: a person chooses on the import-failures page or the profile.</summary>
    Ambiguous,
    Invalid,
}

public sealed record LaunchPlan(LaunchOutcome Outcome, Guid? ConnectionId, Guid? PatientId, string? Message, IReadOnlyList<FieldDifference> Differences, IReadOnlyList<PatientSummary> Candidates)
{
    /// <summary>How messages name the connection's system ("fix the birthdate in Orthotrac").</summary>
    public string SystemName { get; init; } = SystemNames.Fallback;

    /// <summary>Linked: the fields the PMS owns that this launch changes on the profile (a connection sync does not read), in words.</summary>
    public IReadOnlyList<string> Updates { get; init; } = [];

    /// <summary>Whether sync reads the connection; a launch-only one hears from its PMS only through launches.</summary>
    public bool Syncs { get; init; } = true;

    /// <summary>Differs: a person may take the PMS's name and birthdate, as no sync will ever bring them.</summary>
    public bool CanTakeFromPms => !Syncs && Outcome == LaunchOutcome.Differs;

    /// <summary>Why a card set from the PMS before this launch was not connected; null when there was none or it was.</summary>
    public string? CardProblem { get; init; }

    public static LaunchPlan Problem(string message) => new(LaunchOutcome.Invalid, null, null, message, [], []);
}

/// <summary>The PMS connection a launch URL means, how it names its system, and whether sync reads it.</summary>
public sealed record LaunchConnection(Guid Id, string SystemName, bool Syncs);

/// <summary>
/// Finds, links or creates the profile for a PMS patient opened from the PMS. A PMS patient is linked
/// by (connection, PMS id), the same link sync uses; an unlinked one is matched on first name, last
/// name and birthdate (<see cref="MatchKeys"/>), exactly as sync matches, so the next sync agrees.
/// </summary>
public sealed class LaunchService(DentalHubDbFactory databases, AvailableConnectors connectors, PmsRecords records, CardService cards, AuditLog audit, PointsRules rules, TimeProvider time)
{
    public async Task<LaunchPlan> PlanAsync(TenantScope tenant, LaunchRequest request, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await PlanAsync(db, request, cancellationToken);
    }

    /// <summary>
    /// Links the matching profile or creates one, as planned (connecting a card set from the PMS before), or brings a linked
    /// profile up to date; with <paramref name="takeFromPms"/> a person chose the PMS's name and birthdate over the profile's.
    /// Returns the plan with the profile id.
    /// </summary>
    public async Task<LaunchPlan> ApplyAsync(TenantScope tenant, AuditActor actor, LaunchRequest request, CancellationToken cancellationToken, bool takeFromPms = false)
    {
        await using var db = databases.Create(tenant);
        var plan = await PlanAsync(db, request, cancellationToken);
        if (plan.Outcome == LaunchOutcome.Linked && plan.Updates.Count > 0 || plan.Outcome == LaunchOutcome.Differs && takeFromPms && plan.CanTakeFromPms)
        {
            return await UpdateAsync(db, actor, plan, request, takeFromPms, cancellationToken);
        }
        if (plan.Outcome is not (LaunchOutcome.Matches or LaunchOutcome.New))
        {
            return plan;
        }
        var now = time.GetUtcNow();
        var patientId = plan.PatientId;
        if (plan.Outcome == LaunchOutcome.New)
        {
            var patient = new Patient
            {
                PracticeId = tenant.PracticeId!.Value,
                FirstName = request.FirstName!.Trim(),
                LastName = request.LastName!.Trim(),
                BirthDate = request.BirthDate,
                Email = LaunchUpdates.Email(request.Email),
                HomePhone = LaunchUpdates.Text(request.HomePhone, Sync.PatientValidation.PhoneLength),
                MobilePhone = LaunchUpdates.Text(request.MobilePhone, Sync.PatientValidation.PhoneLength),
                MatchKey = MatchKeys.For(request.FirstName!, request.LastName!, request.BirthDate!.Value),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Patients.Add(patient);
            db.PatientPhones.AddRange(Patients.Phones.PatientPhone.OfProfile(patient));
            patientId = patient.Id;
        }
        db.PatientLinks.Add(new PatientLink
        {
            PracticeId = tenant.PracticeId!.Value,
            ConnectionId = plan.ConnectionId!.Value,
            PmsId = request.PmsPatientId!.Trim(),
            PatientId = patientId!.Value,
            GuarantorPmsId = LaunchUpdates.Text(request.AccountHolderId, 64),
            // No hash: the next sync writes the PMS's full record onto the profile.
            ContentHash = 0,
            LinkedAt = now,
            SyncedAt = now,
        });
        audit.Add(db, actor, RewardAuditActions.ProfileLaunched,
            plan.Outcome == LaunchOutcome.New ? "Profile created from a PMS launch" : "PMS patient linked to the matching profile at launch", patientId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A sync or a second launch linked this PMS patient at the same moment: use what it decided.
            await using var again = databases.Create(tenant);
            return await PlanAsync(again, request, CancellationToken.None);
        }
        if (plan.Outcome == LaunchOutcome.New)
        {
            await rules.GrantWelcomeAsync(tenant, patientId.Value, cancellationToken);
        }
        var cardProblem = await ConnectWaitingCardAsync(tenant, actor, plan, request.PmsPatientId!.Trim(), patientId.Value, cancellationToken);
        return plan with { Outcome = LaunchOutcome.Linked, PatientId = patientId, CardProblem = cardProblem };
    }

    /// <summary>Writes what the PMS sent over the fields it owns, in one transaction with the audit entry (which names the fields, never their values).</summary>
    private async Task<LaunchPlan> UpdateAsync(DentalHubDb db, AuditActor actor, LaunchPlan plan, LaunchRequest request, bool takeFromPms, CancellationToken cancellationToken)
    {
        var pmsId = request.PmsPatientId!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var link = await db.PatientLinks.SingleAsync(l => l.ConnectionId == plan.ConnectionId && l.PmsId == pmsId, cancellationToken);
        var patient = await db.Patients.SingleAsync(p => p.Id == link.PatientId, cancellationToken);
        var updates = LaunchUpdates.Of(patient, link, request, takeFromPms);
        if (updates.Count > 0)
        {
            await LaunchUpdates.ApplyAsync(db, patient, link, updates, time.GetUtcNow(), cancellationToken);
            var fields = string.Join(", ", updates.Select(u => u.Field));
            audit.Add(db, actor, RewardAuditActions.ProfileUpdatedAtLaunch, $"Updated from {plan.SystemName} at launch: {fields}", patient.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return plan with { Outcome = LaunchOutcome.Linked, Differences = [], Updates = [.. updates.Select(u => u.Field)] };
    }

    /// <summary>Connects the card set from the PMS for this patient before it was in the hub (Orthotrac's "Set card number" then "Launch").</summary>
    private async Task<string?> ConnectWaitingCardAsync(TenantScope tenant, AuditActor actor, LaunchPlan plan, string pmsId, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var waiting = await db.WaitingCards.FirstOrDefaultAsync(w => w.ConnectionId == plan.ConnectionId && w.PmsId == pmsId, cancellationToken);
        if (waiting is null)
        {
            return null;
        }
        db.WaitingCards.Remove(waiting);
        await db.SaveChangesAsync(cancellationToken);
        if (waiting.ExpiresAt <= time.GetUtcNow())
        {
            return $"The card set from {plan.SystemName} for this patient waited longer than {WaitingCard.Lifetime.Days} days, so it was not connected. Connect the card on the profile.";
        }
        if (await db.RewardCards.AnyAsync(c => c.ActiveForPatientId == patientId, cancellationToken))
        {
            return $"The profile already has a card, so card {CardNumbers.Masked(waiting.Number)} set from {plan.SystemName} was not connected. Replace the card on the profile if it should be that one.";
        }
        return (await cards.ConnectAsync(tenant, actor, patientId, waiting.Number, cancellationToken)).Error;
    }

    private async Task<LaunchPlan> PlanAsync(DentalHubDb db, LaunchRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PmsPatientId) || request.PmsPatientId.Trim().Length > 64)
        {
            return LaunchPlan.Problem("The PMS did not say which patient to open (the patientId parameter is missing).");
        }
        var (chosen, problem) = await ConnectionAsync(db, request, cancellationToken);
        if (chosen is null)
        {
            return LaunchPlan.Problem(problem!);
        }
        var connection = chosen.Id;
        var system = chosen.SystemName;
        var pmsId = request.PmsPatientId.Trim();
        var link = await db.PatientLinks.AsNoTracking().FirstOrDefaultAsync(l => l.ConnectionId == connection && l.PmsId == pmsId, cancellationToken);
        if (link is not null)
        {
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == link.PatientId, cancellationToken);
            var differences = Differences(patient, request);
            return new LaunchPlan(differences.Count == 0 ? LaunchOutcome.Linked : LaunchOutcome.Differs, connection, link.PatientId, null, differences, [])
            {
                SystemName = system,
                Syncs = chosen.Syncs,
                // Sync keeps a read connection's profiles; a launch-only one has nothing but its launches to do it.
                Updates = chosen.Syncs || differences.Count > 0 ? [] : [.. LaunchUpdates.Of(patient, link, request, includingDifferences: false).Select(u => u.Field)],
            };
        }
        if (string.IsNullOrWhiteSpace(request.FirstName) || string.IsNullOrWhiteSpace(request.LastName) || request.BirthDate is null)
        {
            var wait = chosen.Syncs ? "Wait for the next sync, or open" : "Open";
            return new LaunchPlan(LaunchOutcome.Invalid, connection, null,
                $"This {system} patient is not in the hub yet, and {system} did not send a first name, last name and birthdate to find or create the profile. {wait} the patient from a {system} screen that sends them.", [], []) { SystemName = system, Syncs = chosen.Syncs };
        }
        var key = MatchKeys.For(request.FirstName, request.LastName, request.BirthDate.Value);
        var candidates = await db.Patients.AsNoTracking()
            .Where(p => p.MatchKey == key && !db.PatientLinks.Any(l => l.ConnectionId == connection && l.PatientId == p.Id))
            .Select(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.PreferredName, p.BirthDate, p.Status))
            .Take(10).ToListAsync(cancellationToken);
        var plan = candidates.Count switch
        {
            0 => new LaunchPlan(LaunchOutcome.New, connection, null, null, [], []),
            1 => new LaunchPlan(LaunchOutcome.Matches, connection, candidates[0].Id, null, [], candidates),
            _ => new LaunchPlan(LaunchOutcome.Ambiguous, connection, null, chosen.Syncs
                ? "Several profiles have this name and birthdate. Nothing was linked: open the right profile and check it, or resolve it on the Import failures page after the next sync."
                : $"Several profiles have this name and birthdate. Nothing was linked: check them, and give the patients apart different names or birthdates in {system}.", [], candidates),
        };
        return plan with { SystemName = system, Syncs = chosen.Syncs };
    }

    /// <summary>
    /// Which connection the PMS means: the connection id when given; otherwise the practice's enabled
    /// PMS connection whose connector key is the pms value; otherwise its only PMS connection.
    /// </summary>
    internal async Task<(LaunchConnection? Connection, string? Problem)> ConnectionAsync(DentalHubDb db, LaunchRequest request, CancellationToken cancellationToken)
    {
        var all = await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        var pmsConnections = all.Where(c => connectors.Find(c.ConnectorKey)?.Kind == ConnectorKind.PracticeManagement).ToList();
        if (request.ConnectionId is { } id)
        {
            return pmsConnections.FirstOrDefault(c => c.Id == id) is { } named
                ? (Describe(named), null)
                : (null, "The connection in the link is not an enabled PMS connection of this practice. Check the launch URL in the PMS.");
        }
        var byKey = string.IsNullOrWhiteSpace(request.Pms) ? [] : pmsConnections.Where(c => string.Equals(c.ConnectorKey, request.Pms.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var chosen = byKey.Count > 0 ? byKey : pmsConnections;
        return chosen.Count switch
        {
            1 => (Describe(chosen[0]), null),
            0 => (null, "This practice has no enabled PMS connection. An Admin connects the PMS on the Connections page first."),
            _ => (null, "This practice has several PMS connections, so the launch URL must name one: add connection=<id> (shown on the Connections page)."),
        };
    }

    private LaunchConnection Describe(Connection connection) =>
        new(connection.Id, records.SystemName(connection), connectors.Find(connection.ConnectorKey)?.Syncs == true);

    private static List<FieldDifference> Differences(Patient patient, LaunchRequest request)
    {
        var differences = new List<FieldDifference>();
        if (!string.IsNullOrWhiteSpace(request.FirstName) && MatchKeys.Normalize(request.FirstName) != MatchKeys.Normalize(patient.FirstName))
        {
            differences.Add(new FieldDifference("First name", patient.FirstName, request.FirstName.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(request.LastName) && MatchKeys.Normalize(request.LastName) != MatchKeys.Normalize(patient.LastName))
        {
            differences.Add(new FieldDifference("Last name", patient.LastName, request.LastName.Trim()));
        }
        if (request.BirthDate is { } birth && birth != patient.BirthDate)
        {
            differences.Add(new FieldDifference("Date of birth", patient.BirthDate?.ToString("yyyy-MM-dd") ?? "none", birth.ToString("yyyy-MM-dd")));
        }
        return differences;
    }
}
