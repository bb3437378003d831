using System.Net;
using System.Net.Http.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Tenancy;

/// <summary>Two practices in two organizations; staff and keys of one must never reach the other.</summary>
public sealed class StaffOfOnePracticeTryingToReachAnother : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practiceA = default!;
    private TestPractice practiceB = default!;
    private TestStaff staffA = default!;

    public async Task InitializeAsync()
    {
        practiceA = await app.AddPracticeAsync("Alpha Dental");
        practiceB = await app.AddPracticeAsync("Bravo Orthodontics");
        staffA = await app.AddStaffAsync("Avery Admin", (practiceA, PracticeRole.Admin));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionsPage_StaffOfA_ShowsOnlyA()
    {
        var browser = await Browser.SignedInAsync(app, staffA);
        var page = await browser.GetPageAsync("/connections");
        Assert.Contains(practiceA.ConnectionName, page);
        Assert.DoesNotContain(practiceB.ConnectionName, page);
    }

    [Fact]
    public async Task ConnectionEditor_IdOfB_SaysNoSuchConnection()
    {
        var browser = await Browser.SignedInAsync(app, staffA);
        var page = await browser.GetPageAsync($"/connections/{practiceB.ConnectionId}");
        Assert.Contains("This practice has no such connection.", page);
        Assert.DoesNotContain(practiceB.ConnectionName, page);
    }

    [Fact]
    public async Task SwitchPractice_ToPracticeNotAMemberOf_IsDenied()
    {
        var browser = await Browser.SignedInAsync(app, staffA);
        var response = await browser.PostFormAsync("/account/login", "/account/practice",
            new() { ["practiceId"] = practiceB.PracticeId.ToString(), ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
        var dashboard = await browser.GetPageAsync("/");
        Assert.Contains(practiceA.Name, dashboard);
        Assert.DoesNotContain(practiceB.Name, dashboard);
    }

    [Fact]
    public async Task SwitchPractice_ToPracticeAMemberOf_ShowsThatPractice()
    {
        var practiceC = await app.AddPracticeAsync("Charlie Smiles", practiceA.OrganizationId);
        var both = await app.AddStaffAsync("Blake Both", (practiceA, PracticeRole.Admin), (practiceC, PracticeRole.Rewards));
        var browser = await Browser.SignedInAsync(app, both);
        var response = await browser.PostFormAsync("/account/login", "/account/practice",
            new() { ["practiceId"] = practiceC.PracticeId.ToString(), ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboard = await browser.GetPageAsync("/");
        Assert.Contains(practiceC.ConnectionName, dashboard);
        Assert.DoesNotContain(practiceA.ConnectionName, dashboard);
    }

    [Fact]
    public async Task Api_KeyOfA_CannotReadConnectionOfB()
    {
        var key = await CreateKeyAsync(practiceA, ApiScopes.ConnectionsRead);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var other = await client.GetAsync($"/api/v1/connections/{practiceB.ConnectionId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);

        var list = await client.GetFromJsonAsync<List<DentalHub.Connections.ConnectionDto>>("/api/v1/connections");
        Assert.Equal([practiceA.ConnectionId], list!.Select(c => c.Id));
    }

    [Fact]
    public async Task DatabaseContext_TenantA_SeesNoRowsOfB()
    {
        await using var db = app.Databases.Create(practiceA.Tenant);
        Assert.Equal([practiceA.ConnectionId], await db.Connections.Select(c => c.Id).ToListAsync());
        Assert.Equal([practiceA.PracticeId], await db.Practices.Select(p => p.Id).ToListAsync());
        Assert.Equal([practiceA.OrganizationId], await db.Organizations.Select(o => o.Id).ToListAsync());
        await using var none = app.Databases.CreateWithoutTenant();
        Assert.Empty(await none.Connections.ToListAsync());
    }

    private async Task<string> CreateKeyAsync(TestPractice practice, params string[] scopes)
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var session = new StaffSession(staffA.UserId, staffA.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        return (await keys.CreateAsync(session, "test", scopes, CancellationToken.None)).Secret;
    }
}
