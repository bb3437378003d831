using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>The front desk syncs the sample PMS, watches it run, then works through the import failures.</summary>
public sealed class SyncAndImportFailuresInTheBrowser : IAsyncLifetime
{
    private const string Password = "Correct-Horse-Battery-9";
    private RunningHub? hub;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return;
        }
        hub = new RunningHub();
        hub.Start();
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task FrontDesk_SyncsSamplePms_SeesProgressThenFindsAndExpandsAFailure()
    {
        Skip.If(browser is null, Chromium.SkipReason);
        var connectionId = await SlowDownSampleConnectionAsync();
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page);

        await page.GotoAsync($"{hub!.BaseUrl}/connections/{connectionId}/sync");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("[data-testid=sync-now]");
        await Assertions.Expect(page.Locator("[data-testid=sync-progress]")).ToContainTextAsync("Syncing now", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("06-sync-progress"), FullPage = true });

        await Assertions.Expect(page.Locator("[data-testid=sync-history]")).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=sync-history]")).ToContainTextAsync("355");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("07-sync-finished"), FullPage = true });

        await page.GotoAsync(hub.BaseUrl + "/");
        await page.ClickAsync("[data-testid=import-failure-link]");
        await page.WaitForURLAsync("**/import-failures?connection=*");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid=failures-table]")).ToContainTextAsync("Nobirth, Peter");

        await page.GetByLabel("Search by name or PMS id").FillAsync("twice");
        await Assertions.Expect(page.Locator("[data-testid=failures-table] tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=expand]");
        await Assertions.Expect(page.Locator("[data-testid=failure-details]")).ToContainTextAsync("has the same name and date of birth");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("08-import-failure-expanded"), FullPage = true });

        await page.GetByLabel("Search by name or PMS id").FillAsync("");
        await Assertions.Expect(page.Locator("[data-testid=failures-table]")).ToContainTextAsync("Zerodate, Olga");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("09-import-failures"), FullPage = true });
    }

    // Small pages with a pause each, so the run lasts long enough to be watched.
    private async Task<Guid> SlowDownSampleConnectionAsync()
    {
        await using var db = hub!.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var service = hub.Services.GetRequiredService<ConnectionService>();
        await service.UpdateAsync(DentalHub.Tenancy.TenantScope.ForPractice(practice.OrganizationId, practice.Id), AuditActor.System, connection.Id,
            new ConnectionInput(DemoPmsConnector.Key, connection.Name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.PageSizeField] = "20", [DemoPmsConnector.DelayField] = "300" },
                new Dictionary<string, string>()), CancellationToken.None);
        return connection.Id;
    }

    private async Task CreateOwnerAsync(IPage page)
    {
        await page.GotoAsync(hub!.BaseUrl + "/setup");
        await page.FillAsync("input[name=displayName]", "Frankie Frontdesk");
        await page.FillAsync("input[name=email]", "frankie@example.test");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(hub.BaseUrl + "/");
    }
}
