using DentalHub.Data;
using DentalHub.Tenancy;

namespace DentalHub.Audit;

/// <summary>Who did something: a signed-in person, an API key, or DentalHub itself.</summary>
public sealed record AuditActor(AuditActorKind Kind, string Id, string Name)
{
    public static AuditActor System { get; } = new(AuditActorKind.System, "system", "DentalHub");
}

/// <summary>Appends to the audit log. Patient data is never written into the entry's text, only the patient's id.</summary>
public sealed class AuditLog(DentalHubDbFactory databases, TimeProvider time)
{
    public async Task RecordAsync(TenantScope tenant, AuditActor actor, string action, string? subject = null, Guid? patientId = null, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create(tenant);
        db.AuditEntries.Add(Entry(tenant, actor, action, subject, patientId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A list view (a page of a list, a search, an API list page): the list's name and how many it showed, never
    /// what was searched for. Consecutive views of one list by one person show as one line on the audit page.
    /// </summary>
    public async Task RecordListAsync(TenantScope tenant, AuditActor actor, string action, string list, int count, Guid? patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        db.AuditEntries.Add(Entry(tenant, actor, action, list, patientId, count));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the entry to a unit of work that is saved with the change it describes.</summary>
    public void Add(DentalHubDb db, AuditActor actor, string action, string? subject = null, Guid? patientId = null) =>
        db.AuditEntries.Add(Entry(db.Tenant, actor, action, subject, patientId));

    /// <summary>An action about a staff member (invited, role changed, removed): the audit page names them.</summary>
    public void AddAboutStaff(DentalHubDb db, AuditActor actor, string action, string subject, string staffUserId) =>
        db.AuditEntries.Add(Entry(db.Tenant, actor, action, subject, null, staffUserId: staffUserId));

    private AuditEntry Entry(TenantScope tenant, AuditActor actor, string action, string? subject, Guid? patientId, int? count = null, string? staffUserId = null) => new()
    {
        PracticeId = tenant.PracticeId ?? throw new InvalidOperationException("An audit entry needs a practice."),
        At = time.GetUtcNow(),
        ActorKind = actor.Kind,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Action = action,
        Subject = subject,
        PatientId = patientId,
        Count = count,
        StaffUserId = staffUserId,
    };
}

/// <summary>The action names written to the audit log, in one place so the audit page can filter on them.</summary>
public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string ConnectionCreated = "connection.created";
    public const string ConnectionChanged = "connection.changed";
    public const string ConnectionChecked = "connection.checked";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string UserInvited = "user.invited";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserRemoved = "user.removed";
    public const string SyncStarted = "sync.started";
    public const string ImportFailureResolved = "import-failure.resolved";
    public const string ImportFailuresExported = "import-failures.exported";
    public const string ImportFailuresViewed = "import-failures.viewed";
    public const string PatientRead = "patient.read";
    public const string PatientChanged = "patient.changed";
}
