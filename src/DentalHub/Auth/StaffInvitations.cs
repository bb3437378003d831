using DentalHub.Audit;
using DentalHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Auth;

public sealed record StaffMember(string UserId, string DisplayName, string Email, PracticeRole Role, bool TwoFactorEnabled, bool HasPassword, DateTimeOffset? LockedOutUntil);

/// <summary>A link the new person opens to choose their own password. Shown once to whoever invited them.</summary>
public sealed record Invitation(StaffMember Member, string? SetPasswordPath);

/// <summary>
/// Who works in a practice. New people get a one-time link to choose their own password: nobody,
/// not even an Owner, ever sets or sees another person's password.
/// </summary>
public sealed class StaffInvitations(DentalHubDbFactory databases, UserManager<StaffUser> users, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(StaffSession session, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(session.Tenant);
        return await (
            from membership in db.Memberships
            join user in db.Users on membership.UserId equals user.Id
            orderby user.DisplayName
            select new StaffMember(user.Id, user.DisplayName, user.Email ?? "", membership.Role, user.TwoFactorEnabled, user.PasswordHash != null, user.LockoutEnd))
            .ToListAsync(cancellationToken);
    }

    public async Task<(Invitation? Invitation, string? Error)> InviteAsync(StaffSession session, string displayName, string email, PracticeRole role, CancellationToken cancellationToken)
    {
        if (!CanGrant(session, role))
        {
            return (null, "Only an Owner can add another Owner.");
        }
        email = email.Trim();
        if (string.IsNullOrWhiteSpace(displayName) || !email.Contains('@', StringComparison.Ordinal))
        {
            return (null, "Enter the person's name and e-mail address.");
        }
        var user = await users.FindByEmailAsync(email);
        string? link = null;
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            link = await SetPasswordPathAsync(user);
        }
        await using var db = databases.Create(session.Tenant);
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            return (null, $"{email} already works in this practice.");
        }
        db.Memberships.Add(new PracticeMembership { PracticeId = session.PracticeId, UserId = user.Id, Role = role, CreatedAt = time.GetUtcNow() });
        audit.AddAboutStaff(db, session.Actor, AuditActions.UserInvited, $"Invited as {role}", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        var member = new StaffMember(user.Id, user.DisplayName, email, role, user.TwoFactorEnabled, user.PasswordHash is not null, user.LockoutEnd);
        return (new Invitation(member, link), null);
    }

    public async Task<string?> ChangeRoleAsync(StaffSession session, string userId, PracticeRole role, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(session.Tenant);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return "That person does not work in this practice.";
        }
        if (!CanGrant(session, role) || (membership.Role == PracticeRole.Owner && session.Role != PracticeRole.Owner))
        {
            return "Only an Owner can make or change an Owner.";
        }
        if (membership.Role == PracticeRole.Owner && role != PracticeRole.Owner
            && await db.Memberships.CountAsync(m => m.Role == PracticeRole.Owner, cancellationToken) == 1)
        {
            return "A practice needs at least one Owner. Make someone else Owner first.";
        }
        membership.Role = role;
        audit.AddAboutStaff(db, session.Actor, AuditActions.UserRoleChanged, $"Role changed to {role}", userId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> RemoveAsync(StaffSession session, string userId, CancellationToken cancellationToken)
    {
        if (userId == session.UserId)
        {
            return "You cannot remove yourself.";
        }
        await using var db = databases.Create(session.Tenant);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return "That person does not work in this practice.";
        }
        if (membership.Role == PracticeRole.Owner && session.Role != PracticeRole.Owner)
        {
            return "Only an Owner can remove an Owner.";
        }
        db.Memberships.Remove(membership);
        audit.AddAboutStaff(db, session.Actor, AuditActions.UserRemoved, "Removed from the practice", userId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>A new set-password link for someone who has not chosen a password yet or forgot it.</summary>
    public async Task<string?> NewSetPasswordLinkAsync(StaffSession session, string userId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(session.Tenant);
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return null;
        }
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : await SetPasswordPathAsync(user);
    }

    private async Task<string> SetPasswordPathAsync(StaffUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/account/set-password?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    private static bool CanGrant(StaffSession session, PracticeRole role) =>
        session.IsAdmin && (role != PracticeRole.Owner || session.Role == PracticeRole.Owner);
}
