using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Auth;

/// <summary>What the first person enters to become the owner; the organization fields only when none exists yet.</summary>
public sealed record OwnerSetupInput(
    string DisplayName,
    string Email,
    string Password,
    string? OrganizationName,
    string? PracticeName,
    string? TimeZoneId);

public sealed record SetupResult(StaffUser? Owner, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Owner is not null;
}

/// <summary>
/// There is no default account: until an owner exists, the app asks for one (web form), or an
/// operator creates it with the `create-owner` command. Both come here.
/// </summary>
public sealed class OwnerSetup(DentalHubDbFactory databases, UserManager<StaffUser> users, TimeProvider time)
{
    // One owner set-up at a time in this process, so two browsers cannot both become the first owner.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        return !await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<bool> OrganizationExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        return await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken);
    }

    public async Task<SetupResult> CreateOwnerAsync(OwnerSetupInput input, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await IsNeededAsync(cancellationToken))
            {
                return new SetupResult(null, ["An owner already exists. Sign in, or ask the owner to invite you."]);
            }
            var errors = Validate(input, await OrganizationExistsAsync(cancellationToken));
            if (errors.Count > 0)
            {
                return new SetupResult(null, errors);
            }
            var owner = new StaffUser
            {
                UserName = input.Email.Trim(),
                Email = input.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = input.DisplayName.Trim(),
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(owner, input.Password);
            if (!created.Succeeded)
            {
                return new SetupResult(null, created.Errors.Select(e => e.Description).ToList());
            }
            await GrantOwnershipAsync(owner, input, cancellationToken);
            return new SetupResult(owner, []);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task GrantOwnershipAsync(StaffUser owner, OwnerSetupInput input, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateWithoutTenant();
        var now = time.GetUtcNow();
        var organization = await db.Organizations.IgnoreQueryFilters().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            organization = new Organization { Name = input.OrganizationName!.Trim(), CreatedAt = now };
            db.Organizations.Add(organization);
            db.Practices.Add(new Practice
            {
                OrganizationId = organization.Id,
                Name = input.PracticeName!.Trim(),
                TimeZoneId = input.TimeZoneId!,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var practiceIds = await db.Practices.IgnoreQueryFilters()
            .Where(p => p.OrganizationId == organization.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        db.Memberships.AddRange(practiceIds.Select(id => new PracticeMembership
        {
            PracticeId = id,
            UserId = owner.Id,
            Role = PracticeRole.Owner,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The form's words for a missing or unknown time zone; the command line says more (<see cref="TimeZones.Help"/>).</summary>
    public const string TimeZoneProblem = "Choose the practice's time zone from the list.";

    private static List<string> Validate(OwnerSetupInput input, bool organizationExists)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add("Enter your name as colleagues know it.");
        }
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Enter the e-mail address you will sign in with.");
        }
        if (!organizationExists)
        {
            if (string.IsNullOrWhiteSpace(input.OrganizationName))
            {
                errors.Add("Enter your practice group's name (it can be the practice's own name).");
            }
            if (string.IsNullOrWhiteSpace(input.PracticeName))
            {
                errors.Add("Enter the name of your practice location.");
            }
            if (!TimeZones.IsKnown(input.TimeZoneId))
            {
                errors.Add(TimeZoneProblem);
            }
        }
        return errors;
    }
}
