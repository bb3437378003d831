using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>A person opens a new DentalHub, creates the owner account and looks at the dashboard.</summary>
public sealed class FirstRunInTheBrowser : BrowserScenario
{
    // As `dotnet run` does: the sample practice is read at once, so the dashboard shows a sync, not "never".
    protected override Task<IReadOnlyDictionary<string, string?>> HubSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["SampleData:SyncAtFirstRun"] = "true" });

    [SkippableFact]
    public async Task Owner_CreatesAccountAndSignsIn_SeesSampleConnectionOnDashboard()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });

        await page.GotoAsync(Hub.BaseUrl + "/");
        await page.WaitForURLAsync("**/setup");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("01-setup"), FullPage = true });
        await page.FillAsync("input[name=displayName]", "Olivia Owner");
        await page.FillAsync("input[name=email]", "olivia@example.test");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(Hub.BaseUrl + "/");
        await Assertions.Expect(page.Locator("[data-testid=connection-card]")).ToContainTextAsync("Sample PMS");
        await Assertions.Expect(page.GetByText("Sample data.", new() { Exact = false }).First).ToBeVisibleAsync();
        // The sample's payments and payouts, drawn: each chart with its summary for screen readers.
        await Assertions.Expect(page.Locator("[data-testid=writeback-chart] figure[role=img] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=payouts-chart] figure[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("payouts in the last 8 weeks"));
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("02-dashboard"), FullPage = true });

        await page.Locator("[data-testid=connection-card]").GetByRole(AriaRole.Link, new() { Name = "Sync" }).ClickAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=sync-read-chart] figure[role=img] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sync-failure-chart] figure[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("records could not be imported"));
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("02-sync-page"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + "/connections");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=connections-table]")).ToContainTextAsync("Demo PMS (sample data)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connections-table]")).ToContainTextAsync("Connected to the sample practice");
        await Assertions.Expect(page.Locator("[data-testid=last-check]")).ToContainTextAsync("Read patients: yes;");
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("03-connections"), FullPage = true });
    }

    [SkippableFact]
    public async Task Owner_SignsOutAndBackIn_OnATablet_SeesDashboard()
    {
        SkipWithoutChromium();
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await CreateOwnerAsync(page, "Tablet Owner", "tablet@example.test");
        await context.ClearCookiesAsync();

        await page.GotoAsync(Hub.BaseUrl + "/");
        await page.WaitForURLAsync("**/account/login**");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("04-sign-in-tablet"), FullPage = true });
        await page.FillAsync("input[name=email]", "tablet@example.test");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Hub.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("[data-testid=connection-count]")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("05-dashboard-tablet"), FullPage = true });
    }
}
