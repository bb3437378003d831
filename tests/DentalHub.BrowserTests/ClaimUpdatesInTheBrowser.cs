using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Insurance;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner lets DentalHub update claims; the billing coordinator marks a sent claim received from a patient's profile in
/// the sample practice's Demo PMS and sees it recorded there.
/// </summary>
public sealed class ClaimUpdatesInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task Billing_MarksASentClaimReceivedFromTheProfile_RecordedInTheDemoPms()
    {
        SkipWithoutChromium();
        var (patientId, claimId) = await SeedAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Mona Manager", "mona@example.test");

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=claim-updates-not-possible]")).ToContainTextAsync("Claim updates are off");

        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Mark claims sent, received, waiting or on hold from a patient's profile, written to the PMS at once").CheckAsync();
        await page.ClickAsync("[data-testid=save-writeback]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var claim = page.Locator($"[data-testid=claim][data-claim=\"{claimId}\"]");
        await claim.Locator("[data-testid=update-claim]").ClickAsync();
        await claim.Locator("[data-testid=save-claim-update]").ClickAsync();
        for (var tries = 0; tries < 30 && !(await claim.InnerTextAsync()).Contains("Recorded in the Demo PMS", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await WaitUntilInteractiveAsync(page);
        }
        await Assertions.Expect(claim.Locator("[data-testid=claim-update-state]")).ToHaveTextAsync("Recorded in the Demo PMS");
        await Assertions.Expect(claim.Locator("[data-testid=claim-status]")).ToContainTextAsync("Received");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("72-profile-claim-marked-received"), FullPage = true });

        var written = Assert.Single(DemoClaimUpdates.Entries("sample"));
        Assert.Equal((claimId, Connectors.Contract.PmsClaimStatus.Received), (written.Update.ClaimPmsId, written.Update.Status));
    }

    /// <summary>The sample practice's patients and claims read; a linked patient with a claim sent and not yet received.</summary>
    private async Task<(Guid PatientId, string ClaimId)> SeedAsync()
    {
        var (tenant, connection) = await SampleConnectionAsync();
        var runner = Hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in new[] { SyncResources.Patients, SyncResources.Claims })
        {
            var outcome = await runner.RunAsync(tenant, connection.Id, resource, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind == SyncOutcomeKind.Completed, $"{resource}: {outcome.Message}");
        }
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var found = await (
            from c in db.Claims
            join l in db.PatientLinks on new { c.ConnectionId, PmsId = c.PatientPmsId! } equals new { l.ConnectionId, l.PmsId }
            where c.Status == ClaimStatus.Sent && c.DeletedAt == null
            orderby c.ServiceDate descending
            select new { l.PatientId, c.PmsId }).FirstAsync();
        return (found.PatientId, found.PmsId);
    }
}
