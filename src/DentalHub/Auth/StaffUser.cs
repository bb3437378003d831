using DentalHub.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace DentalHub.Auth;

/// <summary>A person who signs in to DentalHub. Access to practices comes from memberships.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The practice roles of the product. A role is held per practice.</summary>
public enum PracticeRole
{
    /// <summary>Everything, including users, API keys and connections.</summary>
    Owner,

    /// <summary>Everything in the practice's settings and data; cannot remove owners.</summary>
    Admin,

    /// <summary>Runs the rewards programme: profiles, cards, points, messages; no settings.</summary>
    Rewards,

    /// <summary>Payments and payouts; cannot open patient profiles.</summary>
    Financial,
}

/// <summary>One person's role in one practice.</summary>
public sealed class PracticeMembership : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string UserId { get; init; }
    public PracticeRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
