using DentalHub.Data;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The front desk reads the sample practice's day on the Schedule page, by provider and by chair, then opens a
/// patient from it and sees their appointments, their family's balance and their insurance.
/// </summary>
public sealed class ScheduleAndProfileInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_ReadsTheDayThenOpensAPatient_SeesAppointmentsBalanceAndCoverage()
    {
        SkipWithoutChromium();
        var day = await SyncSamplePracticeAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");

        await page.GotoAsync($"{Hub.BaseUrl}/schedule?date={day:yyyy-MM-dd}");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=schedule-date]")).ToContainTextAsync(day.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.Locator("[data-testid=schedule-column]").CountAsync() >= 2, "a day per provider has a column for each provider working");
        Assert.True(await page.Locator("[data-testid=schedule-appointment]").CountAsync() >= 5, "the sample practice's weekday is busy");
        await AssertNoAppointmentHidesAnotherAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("50-schedule-by-provider"), FullPage = true });

        await page.ClickAsync("[data-testid=by-chair]");
        await page.WaitForURLAsync("**by=chair");
        await WaitUntilInteractiveAsync(page);
        Assert.True(await page.Locator("[data-testid=schedule-appointment]").CountAsync() >= 5);
        await AssertNoAppointmentHidesAnotherAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("51-schedule-by-chair"), FullPage = true });

        await page.Locator("[data-testid=schedule-appointment] a").First.ClickAsync();
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=profile-appointments]")).ToContainTextAsync(day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=upcoming-appointment] [data-testid=appointment-cost]").First).ToContainTextAsync("patient portion $");
        await Assertions.Expect(page.Locator("[data-testid=profile-balance]")).ToContainTextAsync("Patient portion");
        await Assertions.Expect(page.Locator("[data-testid=profile-coverage]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("52-profile-appointments-balance-coverage"), FullPage = true });
        // Tall enough that the panel is not scrolled under the sticky app bar while it is captured.
        await page.SetViewportSizeAsync(1440, 2400);
        await page.Locator("[data-testid=profile-appointments]").ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("53-profile-appointment-costs") });
    }

    [SkippableFact]
    public async Task FrontDesk_OnADayWithNothingScheduled_IsToldSo()
    {
        SkipWithoutChromium();
        await SyncSamplePracticeAsync();
        var page = await Browser.NewPageAsync();
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");

        await page.GotoAsync($"{Hub.BaseUrl}/schedule?date=1999-01-04");
        await WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=schedule-empty]")).ToContainTextAsync("Nothing is scheduled");
    }

    /// <summary>Appointments booked at the same time in one column sit side by side: no box covers another.</summary>
    private static async Task AssertNoAppointmentHidesAnotherAsync(IPage page)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var appointment in await page.Locator("[data-testid=schedule-appointment]").AllAsync())
        {
            boxes.Add((await appointment.BoundingBoxAsync())!);
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.Width - 1 && b.X < a.X + a.Width - 1 && a.Y < b.Y + b.Height - 1 && b.Y < a.Y + a.Height - 1;
                Assert.False(overlap, $"appointments {i} and {j} are drawn over each other");
            }
        }
    }

    /// <summary>Reads every resource of the sample practice, as its first run does, and picks the busiest weekday in the schedule.</summary>
    private async Task<DateOnly> SyncSamplePracticeAsync()
    {
        var (tenant, connection) = await SampleConnectionAsync();
        var connectionId = connection.Id;
        var runner = Hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in SyncResourceCatalog.All)
        {
            var outcome = await runner.RunAsync(tenant, connectionId, resource.Name, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind is SyncOutcomeKind.Completed or SyncOutcomeKind.NotSupported, $"{resource.Name}: {outcome.Message}");
        }
        await using var read = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var busiest = await read.Appointments.Where(a => a.LocalDate != null && a.DeletedAt == null)
            .GroupBy(a => a.LocalDate).Select(g => new { Day = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
        return busiest.Day!.Value;
    }
}
