using System.Globalization;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>A new user looks at the sample practice's day, then opens a patient from it: appointments, balance, insurance.</summary>
public sealed class SamplePracticeScheduleInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task Owner_OpensScheduleOfTheSamplePractice_SeesFullChairsThenAPatientsPanels()
    {
        SkipWithoutChromium();
        await SyncEverythingAsync();
        var day = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).AddDays(1);
        while (!DemoCalendar.IsWeekday(day) || DemoCalendar.HolidayOn(day) is not null)
        {
            day = day.AddDays(1);
        }
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");

        await page.GotoAsync($"{Hub.BaseUrl}/schedule?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&by=chair");
        await WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=schedule-column]")).ToHaveCountAsync(6);
        Assert.True(await page.Locator("[data-testid=schedule-appointment]").CountAsync() >= 30);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("40-sample-schedule-by-chair"), FullPage = true });

        await page.Locator("[data-testid=schedule-appointment] a").First.ClickAsync();
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=upcoming-appointment]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=profile-balance]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("41-sample-patient-panels"), FullPage = true });
    }

    private async Task SyncEverythingAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var sync = Hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in SyncResourceCatalog.All.OrderBy(r => r.Order))
        {
            var outcome = await sync.RunAsync(TenantScope.ForPractice(practice.OrganizationId, practice.Id), connection.Id, resource.Name, SyncTrigger.Manual, CancellationToken.None);
            Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        }
    }
}
