using DentalHub.Auth;
using DentalHub.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The front desk (the Rewards role) fixes a patient in the PMS and wants the import failure gone: they see when
/// the next scheduled sync will clear it and can sync that connection's patients now, and they are offered no
/// button that leads to "no access".
/// </summary>
public sealed class FrontDeskFixingAnImportFailureInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_SeesWhenTheNextSyncClearsAFailureAndSyncsNow_IsOfferedNoSyncPageTheyCannotOpen()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");
        await SyncSamplePatientsAsync();
        await AddStaffAsync("Rhea Rewards", "rhea@example.test", PracticeRole.Rewards);
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "rhea@example.test");

        await WaitUntilInteractiveAsync(page);
        var card = page.Locator("[data-testid=connection-card]");
        await Assertions.Expect(card).ToContainTextAsync("Sample PMS");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Sync", Exact = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("64-dashboard-front-desk"), FullPage = true });

        await card.Locator("[data-testid=import-failure-link]").ClickAsync();
        await page.WaitForURLAsync("**/import-failures?connection=*");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Search by name or PMS id").FillAsync("Nobirth");
        await Assertions.Expect(page.Locator("[data-testid=failures-table] tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=expand]");
        var details = page.Locator("[data-testid=failure-details]");
        await Assertions.Expect(details).ToContainTextAsync("The next scheduled sync of patients from Sample PMS runs");
        await details.GetByRole(AriaRole.Button, new() { Name = "Sync patients from Sample PMS now" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sync of patients from Sample PMS started")).ToBeVisibleAsync();
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("65-import-failure-sync-now"), FullPage = true });
    }
}
