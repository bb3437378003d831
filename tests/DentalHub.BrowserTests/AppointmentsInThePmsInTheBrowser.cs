using System.Globalization;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner lets DentalHub book appointments; the front desk books one from a patient's profile in the sample practice's
/// Demo PMS (a slot in the lunch blockout is refused first, saying why), then moves it on the Schedule page and sees it
/// moved in the Demo PMS. A profile made in DentalHub, which the Demo PMS does not have, is booked too: added to the Demo
/// PMS first, then booked.
/// </summary>
public sealed class AppointmentsInThePmsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_BooksFromAProfileAndMovesOnTheSchedule_BothRecordedInTheDemoPms()
    {
        SkipWithoutChromium();
        var (patientId, day, free, chair) = await SeedAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Mona Manager", "mona@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Book, move, confirm and cancel appointments from DentalHub, written to the PMS's schedule at once").CheckAsync();
        await page.ClickAsync("[data-testid=save-writeback]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var panel = page.Locator("[data-testid=patient-appointments]");
        await panel.Locator("[data-testid=book-appointment]").ClickAsync();
        await panel.GetByLabel("Chair").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = chair, Exact = true }).ClickAsync();
        await panel.Locator(Input("booking-day")).First.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await panel.Locator(Input("booking-time")).First.FillAsync("12:15");
        await panel.Locator(Input("booking-length")).First.FillAsync("30");
        await panel.Locator(Input("booking-note")).First.FillAsync("Chipped tooth");
        await panel.Locator("[data-testid=booking-save]").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=booking-refused]")).ToContainTextAsync("is blocked out 12:00 PM–1:00 PM (Lunch)");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("62-booking-refused-lunch"), FullPage = true });

        await panel.Locator(Input("booking-time")).First.FillAsync(free.ToString("HH:mm", CultureInfo.InvariantCulture));
        await panel.Locator("[data-testid=booking-save]").ClickAsync();
        await ReloadUntilAsync(page, "[data-testid=patient-appointments] [data-testid=appointment-write]", "Booked in the Demo PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("63-profile-booked-in-demo-pms"), FullPage = true });
        // The Demo PMS keeps writes for the process, shared with this class's other scenario: this one's is found by its note.
        var booked = Assert.Single(DemoAppointments.Entries("sample"), e => e.Appointment.Note?.Contains("Chipped tooth", StringComparison.Ordinal) == true);
        Assert.Equal(day.ToDateTime(free), booked.Appointment.StartLocal);

        await page.GotoAsync($"{Hub.BaseUrl}/schedule?date={day:yyyy-MM-dd}&by=chair");
        await WaitUntilInteractiveAsync(page);
        var card = page.Locator("[data-testid=schedule-appointment]", new() { HasText = "Booked in the Demo PMS" });
        await card.HoverAsync();
        await card.Locator("[data-testid=appointment-move]").ClickAsync();
        var later = free.AddMinutes(30);
        await page.Locator(Input("move-time")).First.FillAsync(later.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=move-save]").ClickAsync();
        await ReloadUntilAsync(page, "[data-testid=schedule-appointment] [data-testid=appointment-write]", "Moved in the Demo PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("64-schedule-moved-in-demo-pms"), FullPage = true });

        Assert.Equal(day.ToDateTime(later), DemoAppointments.Entries("sample").Single(e => e.Appointment.PmsId == booked.Appointment.PmsId).Appointment.StartLocal);
    }

    [SkippableFact]
    public async Task FrontDesk_BooksAProfileTheDemoPmsDoesNotHave_PatientAddedThenBooked()
    {
        SkipWithoutChromium();
        // Weeks after the other scenario's, so the two never want the same chair at the same time in the shared Demo book.
        var (_, day, free, chair) = await SeedAsync(fromDays: 42);
        var (tenant, _) = await SampleConnectionAsync();
        Guid patientId;
        await using (var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant))
        {
            var profile = new Patient
            {
                PracticeId = (await db.Practices.SingleAsync()).Id, FirstName = "Wren", LastName = "Newcomb", BirthDate = new DateOnly(1993, 8, 14),
                MatchKey = MatchKeys.For("Wren", "Newcomb", new DateOnly(1993, 8, 14)), CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow(),
            };
            db.Patients.Add(profile);
            await db.SaveChangesAsync();
            patientId = profile.Id;
        }
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Mona Manager", "mona@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Book, move, confirm and cancel appointments from DentalHub, written to the PMS's schedule at once").CheckAsync();
        await page.ClickAsync("[data-testid=save-writeback]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var panel = page.Locator("[data-testid=patient-appointments]");
        await panel.Locator("[data-testid=book-appointment]").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=booking-adds-patient]")).ToContainTextAsync("Adds the patient to the Demo PMS first");
        await panel.GetByLabel("Chair").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = chair, Exact = true }).ClickAsync();
        await panel.Locator(Input("booking-day")).First.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await panel.Locator(Input("booking-time")).First.FillAsync(free.ToString("HH:mm", CultureInfo.InvariantCulture));
        await panel.Locator(Input("booking-length")).First.FillAsync("30");
        await panel.Locator(Input("booking-note")).First.FillAsync("New patient exam");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("65-booking-adds-patient-to-demo-pms"), FullPage = true });
        await panel.Locator("[data-testid=booking-save]").ClickAsync();
        await ReloadUntilAsync(page, "[data-testid=patient-appointments] [data-testid=appointment-write]", "Booked in the Demo PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("66-new-patient-booked-in-demo-pms"), FullPage = true });

        var added = Assert.Single(DemoNewPatients.Entries("sample"), e => e.Patient.LastName == "Newcomb");
        Assert.Single(DemoAppointments.Entries("sample"), e => e.Appointment.PatientPmsId == added.Id);
    }

    // MudBlazor puts a field's attributes on its input.
    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    /// <summary>The sample practice read whole; a linked patient; an open weekday a week out and an hour free in the first chair then.</summary>
    private async Task<(Guid PatientId, DateOnly Day, TimeOnly Free, string Chair)> SeedAsync(int fromDays = 7)
    {
        var (tenant, connection) = await SampleConnectionAsync();
        var runner = Hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in new[] { SyncResources.Patients, SyncResources.Providers, SyncResources.Operatories, SyncResources.AppointmentTypes, SyncResources.Schedules, SyncResources.Appointments })
        {
            var outcome = await runner.RunAsync(tenant, connection.Id, resource, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind == SyncOutcomeKind.Completed, $"{resource}: {outcome.Message}");
        }
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var zone = (await db.Practices.SingleAsync()).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).DateTime);
        foreach (var day in DemoCalendar.OpenDays(today.AddDays(fromDays), today.AddDays(fromDays + 33)))
        {
            var onDay = (await db.Appointments.Where(a => a.LocalDate == day && a.DeletedAt == null && a.StartsAt != null).ToListAsync())
                .Select(a => (a.OperatoryPmsId, Start: TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.StartsAt!.Value, zone).DateTime), a.LengthMinutes)).ToList();
            foreach (var chair in DemoOffice.Operatories.Where(o => !o.IsHygiene))
            {
                var free = Enumerable.Range(0, 18).Select(i => new TimeOnly(8, 0).AddMinutes(30 * i))
                    .Where(t => t.AddMinutes(60) <= new TimeOnly(12, 0) || (t >= new TimeOnly(13, 0) && t.AddMinutes(60) <= new TimeOnly(17, 0)))
                    .Where(t => !onDay.Any(a => a.OperatoryPmsId == chair.PmsId && a.Start < t.AddMinutes(60) && t < a.Start.AddMinutes(a.LengthMinutes)))
                    .Select(t => (TimeOnly?)t).FirstOrDefault();
                if (free is { } found)
                {
                    var patientId = await db.Patients.Where(p => db.PatientLinks.Any(l => l.PatientId == p.Id)).OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
                    return (patientId, day, found, chair.Name!);
                }
            }
        }
        throw new InvalidOperationException("The sample practice has no free hour in a dentist's chair in the next weeks.");
    }
}
