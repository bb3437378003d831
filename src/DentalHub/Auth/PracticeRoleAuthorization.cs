using Microsoft.AspNetCore.Authorization;

namespace DentalHub.Auth;

/// <summary>Authorization policies by practice role. A role is checked against the current practice's membership.</summary>
public static class Policies
{
    /// <summary>Any staff member of the current practice.</summary>
    public const string Staff = "staff";

    /// <summary>Owner or Admin of the current practice: settings, connections, users, audit.</summary>
    public const string Admin = "admin";

    /// <summary>Anyone who may open patient profiles (everyone but Financial).</summary>
    public const string PatientData = "patient-data";

    /// <summary>Payments and payouts: Owner, Admin and Financial.</summary>
    public const string Payments = "payments";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Payments, p => p.RequireAuthenticatedUser().AddRequirements(
            new PracticeRoleRequirement([PracticeRole.Owner, PracticeRole.Admin, PracticeRole.Financial])));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new PracticeRoleRequirement(Enum.GetValues<PracticeRole>())));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new PracticeRoleRequirement([PracticeRole.Owner, PracticeRole.Admin])));
        options.AddPolicy(PatientData, p => p.RequireAuthenticatedUser().AddRequirements(
            new PracticeRoleRequirement([PracticeRole.Owner, PracticeRole.Admin, PracticeRole.Rewards])));
    }
}

public sealed record PracticeRoleRequirement(IReadOnlyList<PracticeRole> Roles) : IAuthorizationRequirement;

public sealed class PracticeRoleHandler(PracticeAccess access) : AuthorizationHandler<PracticeRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PracticeRoleRequirement requirement)
    {
        var session = await access.ResolveAsync(context.User);
        if (session is not null && requirement.Roles.Contains(session.Role))
        {
            context.Succeed(requirement);
        }
    }
}
