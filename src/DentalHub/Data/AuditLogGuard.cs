using DentalHub.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DentalHub.Data;

/// <summary>The audit log is append-only: any attempt to change or remove an entry fails the save.</summary>
internal static class AuditLogGuard
{
    public static void RejectChangesToHistory(ChangeTracker tracker)
    {
        var tampered = tracker.Entries<AuditEntry>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampered)
        {
            throw new InvalidOperationException("Audit entries are append-only; they cannot be changed or deleted.");
        }
    }
}
