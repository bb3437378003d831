using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>The front desk opens a new patient from the PMS, swipes a card for them and awards points from the menu.</summary>
public sealed class RewardsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_LaunchesFromPms_SwipesCardAndAwardsFromMenu()
    {
        SkipWithoutChromium();
        await AddMenuAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=topsortho&patientId=T-1001&firstName=Lena&lastName=Launch&birthDate=2011-06-09&email=lena%40example.com&cellPhone=555-010-2233");
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=patient-name]")).ToHaveTextAsync("Lena Launch");
        await Assertions.Expect(page.Locator("[data-testid=pms-records]")).ToContainTextAsync("T-1001");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("10-profile-launched"), FullPage = true });

        await page.ClickAsync("[data-testid=card-open]");
        await page.GetByLabel("Card number").ClickAsync();
        // A card reader is a keyboard: it types the digits, then Enter.
        await page.Keyboard.TypeAsync("4111222233334444", new() { Delay = 5 });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=active-card]")).ToHaveTextAsync("4111 2222 3333 4444");
        await Assertions.Expect(page.Locator("[data-testid=card-open]")).ToHaveTextAsync("Replace card");

        await page.GetByRole(AriaRole.Button, new() { Name = "On time for appointment · +50" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("50");
        await Assertions.Expect(page.Locator("[data-testid=points-history]")).ToContainTextAsync("On time for appointment");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("11-card-and-points"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + "/patients");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Search by name, card, phone or e-mail").FillAsync("4111222233334444");
        await Assertions.Expect(page.Locator("[data-testid=patients-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=patients-table]")).ToContainTextAsync("Launch, Lena");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("12-patient-search-by-card"), FullPage = true });
    }

    [SkippableFact]
    public async Task FrontDesk_AwardsCustomPointsThenRedeems_BalanceAndHistoryShowEachAtOnce()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=topsortho&patientId=T-2002&firstName=Cal&lastName=Custom&birthDate=1990-02-03");
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        var points = page.Locator("[data-testid=points-panel]");

        await points.GetByRole(AriaRole.Tab, new() { Name = "Custom" }).ClickAsync();
        await points.GetByLabel("Points").FillAsync("120");
        await points.GetByLabel("Reason").FillAsync("Referred a friend");
        await page.ClickAsync("[data-testid=award-submit]");
        await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("120");
        await Assertions.Expect(page.Locator("[data-testid=points-history]")).ToContainTextAsync("Referred a friend");

        await points.GetByRole(AriaRole.Tab, new() { Name = "Redeem" }).ClickAsync();
        // The tab switch is a round trip: until it renders, "Points" is still the custom award's field.
        await page.Locator("[data-testid=redeem-submit]").WaitForAsync();
        await points.GetByLabel("Points").FillAsync("45");
        await points.GetByLabel("Reason").FillAsync("Electric toothbrush");
        await page.ClickAsync("[data-testid=redeem-submit]");
        await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("75");
        await Assertions.Expect(page.Locator("[data-testid=points-history]")).ToContainTextAsync("Electric toothbrush");
        await Assertions.Expect(page.Locator("[data-testid=points-history]")).ToContainTextAsync("-45");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("13-custom-award-and-redeem"), FullPage = true });
    }

    private async Task AddMenuAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var tenant = TenantScope.ForPractice(practice.OrganizationId, practice.Id);
        var menu = Hub.Services.GetRequiredService<RewardMenu>();
        await menu.AddCategoryAsync(tenant, AuditActor.System, "Appointments", CancellationToken.None);
        var category = (await menu.ListAsync(tenant, false, CancellationToken.None)).Single().Id;
        await menu.SaveItemAsync(tenant, AuditActor.System, null, category, "On time for appointment", 50, true, CancellationToken.None);
        await menu.SaveItemAsync(tenant, AuditActor.System, null, category, "Good oral hygiene", 25, true, CancellationToken.None);
    }
}
