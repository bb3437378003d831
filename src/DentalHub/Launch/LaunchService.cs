using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Launch;

/// <summary>What a PMS sends when it opens the hub for one of its patients (topsOrtho and Orthotrac style URLs).</summary>
public sealed record LaunchRequest(
    string? Pms, Guid? ConnectionId, string? PmsPatientId, string? FirstName, string? LastName, DateOnly? BirthDate,
    string? Email = null, string? HomePhone = null, string? MobilePhone = null);

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
    public static LaunchPlan Problem(string message) => new(LaunchOutcome.Invalid, null, null, message, [], []);
}

/// <summary>
/// Finds, links or creates the profile for a PMS patient opened from the PMS. A PMS patient is linked
/// by (connection, PMS id), the same link sync uses; an unlinked one is matched on first name, last
/// name and birthdate (<see cref="MatchKeys"/>), exactly as sync matches, so the next sync agrees.
/// </summary>
public sealed class LaunchService(DentalHubDbFactory databases, AvailableConnectors connectors, AuditLog audit, PointsRules rules, TimeProvider time)
{
    public async Task<LaunchPlan> PlanAsync(TenantScope tenant, LaunchRequest request, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await PlanAsync(db, request, cancellationToken);
    }

    /// <summary>Links the matching profile or creates one, as planned; returns the plan with the profile id.</summary>
    public async Task<LaunchPlan> ApplyAsync(TenantScope tenant, AuditActor actor, LaunchRequest request, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var plan = await PlanAsync(db, request, cancellationToken);
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
                Email = Clean(request.Email, Sync.PatientValidation.EmailLength) is { } email && Sync.PatientValidation.IsValidEmail(email) ? email : null,
                HomePhone = Clean(request.HomePhone, Sync.PatientValidation.PhoneLength),
                MobilePhone = Clean(request.MobilePhone, Sync.PatientValidation.PhoneLength),
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
        return plan with { Outcome = LaunchOutcome.Linked, PatientId = patientId };
    }

    private async Task<LaunchPlan> PlanAsync(DentalHubDb db, LaunchRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PmsPatientId) || request.PmsPatientId.Trim().Length > 64)
        {
            return LaunchPlan.Problem("The PMS did not say which patient to open (the patientId parameter is missing).");
        }
        var (connectionId, problem) = await ConnectionAsync(db, request, cancellationToken);
        if (connectionId is not { } connection)
        {
            return LaunchPlan.Problem(problem!);
        }
        var pmsId = request.PmsPatientId.Trim();
        var linked = await db.PatientLinks.AsNoTracking().Where(l => l.ConnectionId == connection && l.PmsId == pmsId).Select(l => (Guid?)l.PatientId).FirstOrDefaultAsync(cancellationToken);
        if (linked is { } patientId)
        {
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, cancellationToken);
            var differences = Differences(patient, request);
            return new LaunchPlan(differences.Count == 0 ? LaunchOutcome.Linked : LaunchOutcome.Differs, connection, patientId, null, differences, []);
        }
        if (string.IsNullOrWhiteSpace(request.FirstName) || string.IsNullOrWhiteSpace(request.LastName) || request.BirthDate is null)
        {
            return new LaunchPlan(LaunchOutcome.Invalid, connection, null,
                "This PMS patient is not in the hub yet, and the PMS did not send a first name, last name and birthdate to find or create the profile. Wait for the next sync, or open the patient from a PMS screen that sends them.", [], []);
        }
        var key = MatchKeys.For(request.FirstName, request.LastName, request.BirthDate.Value);
        var candidates = await db.Patients.AsNoTracking()
            .Where(p => p.MatchKey == key && !db.PatientLinks.Any(l => l.ConnectionId == connection && l.PatientId == p.Id))
            .Select(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.PreferredName, p.BirthDate, p.Status))
            .Take(10).ToListAsync(cancellationToken);
        return candidates.Count switch
        {
            0 => new LaunchPlan(LaunchOutcome.New, connection, null, null, [], []),
            1 => new LaunchPlan(LaunchOutcome.Matches, connection, candidates[0].Id, null, [], candidates),
            _ => new LaunchPlan(LaunchOutcome.Ambiguous, connection, null,
                "Several profiles have this name and birthdate. Nothing was linked: open the right profile and check it, or resolve it on the Import failures page after the next sync.", [], candidates),
        };
    }

    /// <summary>
    /// Which connection the PMS means: the connection id when given; otherwise the practice's enabled
    /// PMS connection whose connector key is the pms value; otherwise its only PMS connection.
    /// </summary>
    internal async Task<(Guid? Id, string? Problem)> ConnectionAsync(DentalHubDb db, LaunchRequest request, CancellationToken cancellationToken)
    {
        var all = await db.Connections.AsNoTracking().Where(c => c.Enabled).Select(c => new { c.Id, c.ConnectorKey }).ToListAsync(cancellationToken);
        var pmsConnections = all.Where(c => connectors.Find(c.ConnectorKey)?.Kind == ConnectorKind.PracticeManagement).ToList();
        if (request.ConnectionId is { } id)
        {
            return pmsConnections.Any(c => c.Id == id) ? (id, null) : (null, "The connection in the link is not an enabled PMS connection of this practice. Check the launch URL in the PMS.");
        }
        var byKey = string.IsNullOrWhiteSpace(request.Pms) ? [] : pmsConnections.Where(c => string.Equals(c.ConnectorKey, request.Pms.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var chosen = byKey.Count > 0 ? byKey : pmsConnections;
        return chosen.Count switch
        {
            1 => (chosen[0].Id, null),
            0 => (null, "This practice has no enabled PMS connection. An Admin connects the PMS on the Connections page first."),
            _ => (null, "This practice has several PMS connections, so the launch URL must name one: add connection=<id> (shown on the Connections page)."),
        };
    }

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

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? null : value.Trim();
}
