using DentalHub.Audit;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Messages;
using DentalHub.Sync;
using DentalHub.Tenancy;
using DentalHub.TestDoubles.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner has the practice's messages logged in its PMS; the front desk e-mails a patient and sends a staff note
/// to the PMS from the profile, and sees each one logged in the sample practice's Demo PMS.
/// </summary>
public sealed class MessagesAndNotesInThePmsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_EmailsAPatientAndSendsANote_BothShowLoggedInTheDemoPms()
    {
        SkipWithoutChromium();
        Skip.If(AiosmtpdReceiver.Python is null, AiosmtpdReceiver.SkipReason);
        await using var smtp = await AiosmtpdReceiver.StartAsync();
        var patientId = await SeedAsync(smtp.Port);
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Mona Manager", "mona@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Log each e-mail sent to a patient on the patient's chart in the PMS, as a communication log").CheckAsync();
        await page.ClickAsync("[data-testid=save-writeback]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("60-writeback-logs-messages"), FullPage = true });

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var messages = page.Locator("[data-testid=patient-messages]");
        await messages.GetByLabel("Template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Recall" }).ClickAsync();
        await messages.GetByRole(AriaRole.Button, new() { Name = "Send e-mail" }).ClickAsync();
        await Assertions.Expect(messages.Locator("[data-testid=message-history]")).ToContainTextAsync("Time for your cleaning");
        await page.Locator("textarea[data-testid=notes], [data-testid=notes] textarea").First.FillAsync("Prefers morning visits; call before 10.");
        await page.ClickAsync("[data-testid=send-notes]");
        await Assertions.Expect(page.Locator("[data-testid=notes-sent]")).ToBeVisibleAsync();

        await ReloadUntilAsync(page, "[data-testid=pms-log]", "Logged in the Demo PMS");
        await ReloadUntilAsync(page, "[data-testid=notes-sent]", "Logged in the Demo PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("61-profile-message-and-note-logged"), FullPage = true });

        var logs = DemoCommlogs.Entries("sample").Select(e => e.Commlog).ToList();
        Assert.Equal([CommlogMode.Email, CommlogMode.None], logs.Select(l => l.Mode));
        Assert.Single(smtp.Delivered());
    }

    private async Task<Guid> SeedAsync(int smtpPort)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.ConnectorKey == DemoPmsConnector.Key);
        var tenant = TenantScope.ForPractice(practice.OrganizationId, practice.Id);
        await Hub.Services.GetRequiredService<SyncRunner>().RunAsync(tenant, connection.Id, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        await using var scoped = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var patientId = await scoped.Patients.Where(p => scoped.PatientLinks.Any(l => l.PatientId == p.Id)).OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
        await scoped.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, "sample.patient@example.com").SetProperty(x => x.EmailOptOut, false));
        Assert.Null(await Hub.Services.GetRequiredService<SmtpSettingsService>().SaveAsync(tenant, AuditActor.System,
            new SmtpSettingsInput("127.0.0.1", smtpPort, SmtpTlsMode.StartTlsWhenAvailable, null, null, "front-desk@sample.test", "Sample Dental"), CancellationToken.None));
        Assert.Null(await Hub.Services.GetRequiredService<MessageTemplates>().SaveAsync(tenant, AuditActor.System, null, "Recall",
            "Time for your cleaning, {FirstName}", "<p>Call us to book.</p>", CancellationToken.None));
        return patientId;
    }
}
