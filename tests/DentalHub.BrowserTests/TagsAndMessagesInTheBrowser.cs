using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Messages;
using DentalHub.Tags;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>The front desk tags a patient on the profile, sees the messages panel, and the compact view a PMS chart tab frames.</summary>
public sealed class TagsAndMessagesInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_TagsPatientOnProfile_TagShowsOnProfileAndCompactView()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Tess Tagger", "tess@example.test");
        await SeedAsync();

        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=topsortho&patientId=T-2001&firstName=Tara&lastName=Tagged&birthDate=1988-02-03&email=tara%40example.com");
        await page.WaitForURLAsync("**/patients/*");
        var profileUrl = page.Url;
        await WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=patient-tags]").GetByLabel("Add a tag").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "VIP" }).ClickAsync();
        await page.Locator("[data-testid=patient-tags]").GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=patient-tags] .mud-chip")).ToContainTextAsync("VIP");
        await Assertions.Expect(page.Locator("[data-testid=patient-messages]")).ToContainTextAsync("No e-mail sent yet.");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("20-profile-tags-and-messages"), FullPage = true });

        await page.GotoAsync(profileUrl.Replace("/patients/", "/embed/patients/"));
        await Assertions.Expect(page.Locator("[data-testid=embedded-profile]")).ToContainTextAsync("Tara Tagged");
        await Assertions.Expect(page.Locator("[data-testid=embed-layout]")).ToContainTextAsync("VIP");
        await page.SetViewportSizeAsync(480, 260);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("21-embedded-profile") });
    }

    private async Task SeedAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var tenant = TenantScope.ForPractice(practice.OrganizationId, practice.Id);
        await Hub.Services.GetRequiredService<TagService>().CreateAsync(tenant, AuditActor.System, "VIP", TagKind.Custom, CancellationToken.None);
        await Hub.Services.GetRequiredService<MessageTemplates>().SaveAsync(tenant, AuditActor.System, null, "Points reminder",
            "{FirstName}, you have {PointsBalance} points", "<p>Hello {FirstName}</p>", CancellationToken.None);
    }
}
