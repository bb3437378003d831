using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// What every browser scenario needs: a running hub with the sample practice, and Chromium. Tests
/// skip with the reason when Chromium is not installed.
/// </summary>
public abstract class BrowserScenario : IAsyncLifetime
{
    protected const string Password = "Correct-Horse-Battery-9";

    protected RunningHub Hub { get; private set; } = default!;
    protected IBrowser Browser { get; private set; } = default!;
    private IPlaywright? playwright;
    private bool started;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return;
        }
        Hub = new RunningHub(await HubSettingsAsync(), ReplaceHubServices);
        Hub.UseFreePort();
        Hub.Start();
        (playwright, Browser) = await Chromium.LaunchAsync();
        started = true;
    }

    public async Task DisposeAsync()
    {
        if (!started)
        {
            return;
        }
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Hub.DisposeAsync();
    }

    /// <summary>Settings a scenario adds to the hub's (e.g. where a test double of a remote service listens).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> HubSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Services a scenario replaces in the hub (e.g. one that fails, to see how a page shows it).</summary>
    protected virtual void ReplaceHubServices(IServiceCollection services)
    {
    }

    protected void SkipWithoutChromium() => Skip.If(!started, Chromium.SkipReason);

    protected static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

    /// <summary>The writeback worker writes in the background; the page shows it on its next load.</summary>
    protected static async Task ReloadUntilAsync(IPage page, string selector, string text)
    {
        for (var tries = 0; tries < 30; tries++)
        {
            await page.ReloadAsync();
            await WaitUntilInteractiveAsync(page);
            var texts = await page.Locator(selector).AllInnerTextsAsync();
            if (texts.Any(t => t.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(500);
        }
        await Assertions.Expect(page.Locator(selector, new() { HasText = text }).First).ToBeVisibleAsync();
    }

    /// <summary>The sample practice and its Demo PMS connection.</summary>
    protected async Task<(TenantScope Tenant, Connection Connection)> SampleConnectionAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        return (TenantScope.ForPractice(practice.OrganizationId, practice.Id), connection);
    }

    /// <summary>Reads the sample practice's patients from its Demo PMS now; returns the practice.</summary>
    protected async Task<TenantScope> SyncSamplePatientsAsync()
    {
        var (tenant, connection) = await SampleConnectionAsync();
        await Hub.Services.GetRequiredService<SyncRunner>().RunAsync(tenant, connection.Id, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        return tenant;
    }

    /// <summary>Waits until menus and messages have finished fading in, so a screenshot shows them as a person sees them.</summary>
    protected static Task WaitForAnimationsAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");

    /// <summary>Types a day (yyyy-MM-dd) into a date picker, as a person who does not open the calendar does.</summary>
    protected static async Task FillDateAsync(IPage page, string which, string day)
    {
        // MudBlazor puts the attributes of a date picker on its input or on its wrapper, depending on the version.
        var input = page.Locator($"input[data-testid={which}], [data-testid={which}] input").First;
        await input.FillAsync(day);
        // Tab, not Enter: Enter opens the calendar.
        await input.PressAsync("Tab");
    }

    /// <summary>Fills the first-run form, as the first person to open a new DentalHub does.</summary>
    protected async Task CreateOwnerAsync(IPage page, string name, string email)
    {
        await page.GotoAsync(Hub.BaseUrl + "/setup");
        await page.FillAsync("input[name=displayName]", name);
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Hub.BaseUrl + "/");
    }

    /// <summary>A staff member of the sample practice with <paramref name="role"/>, as an invitation would add them.</summary>
    protected async Task AddStaffAsync(string name, string email, PracticeRole role)
    {
        using var scope = Hub.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        db.Memberships.Add(new PracticeMembership { PracticeId = practice.Id, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
    }

    protected async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Hub.BaseUrl + "/account/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Hub.BaseUrl + "/");
    }
}
