using DentalHub.Audit;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>A person opens a patient's profile once: the prerender and the live page are one read in the audit log.</summary>
public sealed class AuditOfAProfileViewInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task ProfileOpenedOnce_IsAuditedOnce()
    {
        SkipWithoutChromium();
        var tenant = await SyncSamplePatientsAsync();
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var patientId = await db.Patients.OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();

        var page = await Browser.NewPageAsync();
        await CreateOwnerAsync(page, "Audra Auditor", "audra@example.test");
        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Staff notes")).ToBeVisibleAsync();

        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PatientRead && a.PatientId == patientId));
    }
}
