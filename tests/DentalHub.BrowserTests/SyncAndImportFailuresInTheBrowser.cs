using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>The front desk syncs the sample PMS, watches it run, then works through the import failures.</summary>
public sealed class SyncAndImportFailuresInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_SyncsSamplePms_SeesProgressThenFindsAndExpandsAFailure()
    {
        SkipWithoutChromium();
        var connectionId = await SlowDownSampleConnectionAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");

        await page.GotoAsync($"{Hub.BaseUrl}/connections/{connectionId}/sync");
        await WaitUntilInteractiveAsync(page);
        // The patients alone: "Sync now" would also read the sample's schedule and accounts, page by slow page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync patients now" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sync-progress]")).ToContainTextAsync("Syncing now", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("06-sync-progress"), FullPage = true });

        await Assertions.Expect(page.Locator("[data-testid=sync-history]")).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=sync-history]")).ToContainTextAsync("355");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("07-sync-finished"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + "/");
        await WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=import-failure-link]");
        await page.WaitForURLAsync("**/import-failures?connection=*");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=failures-table]")).ToContainTextAsync("Nobirth, Peter");

        await page.GetByLabel("Search by name or PMS id").FillAsync("twice");
        await Assertions.Expect(page.Locator("[data-testid=failures-table] tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=expand]");
        await Assertions.Expect(page.Locator("[data-testid=failure-details]")).ToContainTextAsync("has the same name and date of birth");
        // The other Sam Twice is told apart by what the hub has of them, and opens from here.
        var candidate = page.Locator("[data-testid=candidate]");
        await Assertions.Expect(candidate).ToHaveCountAsync(1);
        await Assertions.Expect(candidate).ToContainTextAsync("e-mail ");
        await Assertions.Expect(candidate).ToContainTextAsync("PMS records: ");
        await Assertions.Expect(candidate.GetByRole(AriaRole.Link, new() { Name = "Sam Twice" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/patients/[0-9a-f-]{36}$"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("08-import-failure-expanded"), FullPage = true });
        await page.ClickAsync("[data-testid=create-profile]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("profile of their own");
        await Assertions.Expect(page.Locator("[data-testid=failures-table]")).ToContainTextAsync("No import failures match these filters.");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("08b-duplicate-settled-as-different-people"), FullPage = true });

        await page.GetByLabel("Search by name or PMS id").FillAsync("");
        await Assertions.Expect(page.Locator("[data-testid=failures-table]")).ToContainTextAsync("Zerodate, Olga");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("09-import-failures"), FullPage = true });
    }

    // Small pages with a pause each, so the run lasts long enough to be watched.
    private async Task<Guid> SlowDownSampleConnectionAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var service = Hub.Services.GetRequiredService<ConnectionService>();
        await service.UpdateAsync(DentalHub.Tenancy.TenantScope.ForPractice(practice.OrganizationId, practice.Id), AuditActor.System, connection.Id,
            new ConnectionInput(DemoPmsConnector.Key, connection.Name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.PageSizeField] = "20", [DemoPmsConnector.DelayField] = "300" },
                new Dictionary<string, string>()), CancellationToken.None);
        return connection.Id;
    }
}
