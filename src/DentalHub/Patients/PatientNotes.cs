using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <summary>Staff notes on a profile: owned by the hub (sync never writes them), changes audited.</summary>
public sealed class PatientNotes(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public const int MaxLength = 4000;

    public async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, Guid patientId, string? notes, CancellationToken cancellationToken)
    {
        if (notes?.Length > MaxLength)
        {
            return $"Notes are at most {MaxLength} characters.";
        }
        await using var db = databases.Create(tenant);
        var value = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        var now = time.GetUtcNow();
        var changed = await db.Patients.Where(p => p.Id == patientId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Notes, value).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return "This patient is not in this practice.";
        }
        await audit.RecordAsync(tenant, actor, AuditActions.PatientChanged, "Staff notes changed", patientId, cancellationToken);
        return null;
    }
}
