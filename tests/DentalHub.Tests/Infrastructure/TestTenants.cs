using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.OpenDental;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Infrastructure;

public sealed record TestPractice(Guid OrganizationId, Guid PracticeId, string Name, Guid ConnectionId, string ConnectionName)
{
    public TenantScope Tenant => TenantScope.ForPractice(OrganizationId, PracticeId);
}

public sealed record TestStaff(string UserId, string Email, string Password, string DisplayName);

/// <summary>Creates organizations, practices, staff and connections straight in the app's database.</summary>
public static class TestTenants
{
    public const string Password = "Correct-Horse-Battery-9";

    public static async Task<TestPractice> AddPracticeAsync(this DentalHubApp app, string name, Guid? organizationId = null)
    {
        await using var db = app.Databases.CreateWithoutTenant();
        var organization = organizationId ?? Guid.CreateVersion7();
        if (organizationId is null)
        {
            db.Organizations.Add(new Organization { Id = organization, Name = name + " Group" });
        }
        var practice = new Practice { OrganizationId = organization, Name = name, TimeZoneId = "America/Chicago" };
        var connection = new Connection { PracticeId = practice.Id, ConnectorKey = DemoPmsConnector.Key, Name = name + " PMS" };
        db.Practices.Add(practice);
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return new TestPractice(organization, practice.Id, name, connection.Id, connection.Name);
    }

    /// <summary>An API-mode Open Dental connection of the practice to the API double, created through the service as staff would.</summary>
    public static async Task<Guid> ConnectOpenDentalApiAsync(this DentalHubApp app, TestPractice practice, DentalHub.TestDoubles.OpenDental.OpenDentalApiTestDouble api)
    {
        var created = await app.Services.GetRequiredService<ConnectionService>().CreateAsync(practice.Tenant, DentalHub.Audit.AuditActor.System, new ConnectionInput(
            DentalHub.Connectors.OpenDental.OpenDentalConnector.Key, "Front office",
            new Dictionary<string, string> { ["mode"] = "API", ["baseUrl"] = api.BaseUrl.ToString().TrimEnd('/') },
            new Dictionary<string, string>
            {
                ["developerKey"] = DentalHub.TestDoubles.OpenDental.OpenDentalApiTestDouble.DeveloperKey,
                ["customerKey"] = DentalHub.TestDoubles.OpenDental.OpenDentalApiTestDouble.CustomerKey,
            }),
            CancellationToken.None);
        return created.Id;
    }

    /// <summary>A connection of the practice to a scripted PMS, created through the service as staff would.</summary>
    public static async Task<Guid> ConnectAsync(this DentalHubApp app, TestPractice practice, ScriptedPms pms)
    {
        var service = app.Services.GetRequiredService<ConnectionService>();
        var created = await service.CreateAsync(practice.Tenant, DentalHub.Audit.AuditActor.System,
            new ConnectionInput(ScriptedPms.Key, "Scripted " + pms.Id[..6], pms.Settings, new Dictionary<string, string>()), CancellationToken.None);
        return created.Id;
    }

    public static async Task<TestStaff> AddStaffAsync(this DentalHubApp app, string displayName, params (TestPractice Practice, PracticeRole Role)[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.test";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await using var db = app.Databases.CreateWithoutTenant();
        foreach (var (practice, role) in roles)
        {
            db.Memberships.Add(new PracticeMembership { PracticeId = practice.PracticeId, UserId = user.Id, Role = role });
        }
        await db.SaveChangesAsync();
        return new TestStaff(user.Id, email, Password, displayName);
    }
}
