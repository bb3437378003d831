using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Sync;

/// <summary>
/// One sync per connection and resource at a time, on any number of nodes: a lease in the
/// sync state row, taken with one conditional update and renewed with every page.
/// </summary>
public sealed class SyncLease(DentalHubDb db, Guid connectionId, string resource, string owner, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    public string Owner => owner;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await EnsureStateRowAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + Duration;
        var taken = await db.SyncStates
            .Where(s => s.ConnectionId == connectionId && s.Resource == resource && (s.LeaseOwner == null || s.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>Extends the lease and moves the cursor, in the caller's transaction. False when another run took over.</summary>
    public async Task<bool> AdvanceAsync(string cursor, CancellationToken cancellationToken) =>
        await db.SyncStates
            .Where(s => s.ConnectionId == connectionId && s.Resource == resource && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Cursor, cursor).SetProperty(x => x.LeaseExpiresAt, time.GetUtcNow() + Duration), cancellationToken) == 1;

    public Task ReleaseAsync(bool succeeded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = db.SyncStates.Where(s => s.ConnectionId == connectionId && s.Resource == resource && s.LeaseOwner == owner);
        return succeeded
            ? query.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null).SetProperty(x => x.LastSuccessAt, now), cancellationToken)
            : query.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task EnsureStateRowAsync(CancellationToken cancellationToken)
    {
        if (await db.SyncStates.AnyAsync(s => s.ConnectionId == connectionId && s.Resource == resource, cancellationToken))
        {
            return;
        }
        db.SyncStates.Add(new SyncState { PracticeId = db.Tenant.PracticeId!.Value, ConnectionId = connectionId, Resource = resource });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created it at the same moment; the row exists, which is all we need.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
