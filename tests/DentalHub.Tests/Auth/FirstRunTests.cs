using System.Net;
using DentalHub.Auth;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Auth;

/// <summary>A brand-new installation: no accounts at all until someone creates the owner.</summary>
public sealed class FirstRunOfANewInstallation : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task NewDatabase_HasNoAccountAtAll()
    {
        _ = app.Services;
        await using var db = app.Databases.CreateWithoutTenant();
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task AnyPage_BeforeOwnerExists_LeadsToSetup()
    {
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
        Assert.Contains("Create owner account", await browser.GetPageAsync("/setup"));
    }

    [Fact]
    public async Task SetupForm_Completed_CreatesOwnerOfNewPracticeAndSignsIn()
    {
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.PostFormAsync("/setup", "/account/setup", new()
        {
            ["displayName"] = "Olivia Owner",
            ["email"] = "olivia@example.test",
            ["password"] = TestTenants.Password,
            ["organizationName"] = "Bright Smiles Group",
            ["practiceName"] = "Bright Smiles Downtown",
            ["timeZoneId"] = "America/Denver",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);

        var dashboard = await browser.GetPageAsync("/");
        Assert.Contains("Bright Smiles Downtown", dashboard);
        Assert.Contains("America/Denver", dashboard);

        await using var db = app.Databases.CreateWithoutTenant();
        var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(PracticeRole.Owner, membership.Role);
    }

    [Fact]
    public async Task SetupForm_SecondTime_IsRefused()
    {
        var practice = await app.AddPracticeAsync("Existing Practice");
        await app.AddStaffAsync("First Owner", (practice, PracticeRole.Owner));
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.PostFormAsync("/account/login", "/account/setup", new()
        {
            ["displayName"] = "Mallory",
            ["email"] = "mallory@example.test",
            ["password"] = TestTenants.Password,
        });
        Assert.StartsWith("/setup?errors=", response.Headers.Location?.OriginalString);
        Assert.Contains("An owner already exists", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        await using var db = app.Databases.CreateWithoutTenant();
        Assert.Single(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task SetupForm_WeakPassword_ExplainsWhy()
    {
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.PostFormAsync("/setup", "/account/setup", new()
        {
            ["displayName"] = "Olivia Owner",
            ["email"] = "olivia@example.test",
            ["password"] = "short",
            ["organizationName"] = "Group",
            ["practiceName"] = "Practice",
            ["timeZoneId"] = "America/Chicago",
        });
        var errors = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        Assert.Contains("at least 12 characters", errors);
    }
}
