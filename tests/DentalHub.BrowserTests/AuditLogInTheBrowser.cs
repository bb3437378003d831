using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner looks at the patient list a few times and opens a profile; the audit log names the patient as a link
/// and shows the list views as one line.
/// </summary>
public sealed class AuditLogInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task ListViewsAndAProfile_ShowAsOneGroupedLineAndTheNamedPatient()
    {
        SkipWithoutChromium();
        var tenant = await SyncSamplePatientsAsync();
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var patient = await db.Patients.OrderBy(p => p.LastName).FirstAsync();

        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Audra Auditor", "audra@example.test");
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync(Hub.BaseUrl + "/patients");
            await WaitUntilInteractiveAsync(page);
        }
        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patient.Id}");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Staff notes")).ToBeVisibleAsync();

        await page.GotoAsync(Hub.BaseUrl + "/audit");
        await WaitUntilInteractiveAsync(page);
        var table = page.Locator("[data-testid=audit-table]");
        await Assertions.Expect(table.Locator("[data-testid=audit-what]").Filter(new() { HasText = "Patient list" })).ToContainTextAsync("3 times");
        var patientLink = table.Locator("[data-testid=audit-patient] a").First;
        await Assertions.Expect(patientLink).ToHaveTextAsync($"{patient.FirstName} {patient.LastName}");
        await Assertions.Expect(patientLink).ToHaveAttributeAsync("href", $"/patients/{patient.Id}");
        await Assertions.Expect(table).Not.ToContainTextAsync(patient.Id.ToString());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("63-audit-log-names-and-groups"), FullPage = true });
    }
}
