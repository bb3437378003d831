using System.Security.Claims;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Auth;

/// <summary>
/// Decides which practice a signed-in person works in and with which role, from their memberships.
/// Memberships are read on every resolution (once per request or circuit), so a removed membership
/// takes effect at once.
/// </summary>
public sealed class PracticeAccess(DentalHubDbFactory databases)
{
    private StaffSession? resolved;
    private ClaimsPrincipal? resolvedFor;

    public async Task<StaffSession?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (ReferenceEquals(user, resolvedFor))
        {
            return resolved;
        }
        resolved = await LoadAsync(user, cancellationToken);
        resolvedFor = user;
        return resolved;
    }

    public async Task<IReadOnlyList<PracticeChoice>> ChoicesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        return await MembershipsOf(db, userId)
            .Select(x => new PracticeChoice(x.Practice.Id, x.Practice.Name, x.Membership.Role))
            .ToListAsync(cancellationToken);
    }

    private async Task<StaffSession?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || user.HasClaim(c => c.Type == DentalHubClaims.ApiKeyId))
        {
            return null;
        }
        await using var db = databases.CreateWithoutTenant();
        var memberships = await MembershipsOf(db, userId).ToListAsync(cancellationToken);
        if (memberships.Count == 0)
        {
            return null;
        }
        var requested = Guid.TryParse(user.FindFirstValue(DentalHubClaims.SelectedPractice), out var id) ? id : (Guid?)null;
        var current = memberships.FirstOrDefault(m => m.Practice.Id == requested) ?? memberships[0];
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            ?? user.Identity?.Name ?? "Staff";
        return new StaffSession(
            userId,
            displayName,
            current.Practice.OrganizationId,
            current.Practice.Id,
            current.Practice.Name,
            current.Practice.IsSample,
            current.Practice.TimeZoneId,
            current.Membership.Role,
            memberships.Select(m => new PracticeChoice(m.Practice.Id, m.Practice.Name, m.Membership.Role)).ToList());
    }

    // Memberships are tenant rows; this is the one place that reads them across tenants, to find
    // which tenants a person may enter at all.
    private static IQueryable<MembershipWithPractice> MembershipsOf(DentalHubDb db, string userId) =>
        from membership in db.Memberships.IgnoreQueryFilters()
        join practice in db.Practices.IgnoreQueryFilters() on membership.PracticeId equals practice.Id
        where membership.UserId == userId
        orderby practice.Name
        select new MembershipWithPractice(membership, practice);

    private sealed record MembershipWithPractice(PracticeMembership Membership, Practice Practice);
}
