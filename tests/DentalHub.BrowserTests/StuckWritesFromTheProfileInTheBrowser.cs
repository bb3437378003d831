using DentalHub.Adjustments;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Payments;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The sample practice's Demo PMS refuses every write for a while. On a patient's profile the owner sees the adjustment
/// and the note it refused, each saying why; once the PMS takes writes again, "Try again" records the adjustment, and
/// the note, entered in the PMS by hand meanwhile, is marked so after a confirmation.
/// </summary>
public sealed class StuckWritesFromTheProfileInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task Owner_RetriesARefusedAdjustmentAndMarksANoteEnteredByHand_BothSettledOnTheProfile()
    {
        SkipWithoutChromium();
        var ledger = "stuck-" + Guid.NewGuid().ToString("N")[..8];
        var (tenant, connection) = await SampleConnectionAsync();
        await SetRefusingAsync(tenant, connection, ledger, refuse: true);
        await SyncSamplePatientsAsync();
        var patientId = await RefusedWritesAsync(tenant);

        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olive Owner", "olive@example.test");
        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var adjustment = page.Locator("[data-testid=patient-adjustments]");
        await ReloadUntilAsync(page, adjustment.Locator("[data-testid=adjustment-state]"), "Not recorded: The Demo PMS refused the adjustment");
        var note = page.Locator("[data-testid=notes-sent]");
        await Assertions.Expect(note).ToContainTextAsync("Not logged: The Demo PMS refused the communication log");
        await adjustment.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("66-profile-refused-writes-with-fixes"), FullPage = true });

        await SetRefusingAsync(tenant, connection, ledger, refuse: false);
        await adjustment.Locator("[data-testid=write-retry]").ClickAsync();
        await ReloadUntilAsync(page, page.Locator("[data-testid=patient-adjustments] [data-testid=adjustment-state]"), "Recorded in the Demo PMS");
        await Assertions.Expect(page.Locator("[data-testid=patient-adjustments] [data-testid=write-fix]")).ToHaveCountAsync(0);
        Assert.Equal(-25m, Assert.Single(DemoAdjustments.Entries(ledger)).Adjustment.Amount);

        await page.Locator("[data-testid=notes-sent] [data-testid=write-by-hand]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Mark this note as entered in the PMS by hand?");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("67-profile-note-entered-by-hand-confirm"), FullPage = true });
        await page.Locator(".mud-dialog button", new() { HasText = "Mark entered by hand" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notes-sent]")).ToContainTextAsync("Logged in the Demo PMS by hand");
        Assert.Empty(DemoCommlogs.Entries(ledger));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("68-profile-writes-settled"), FullPage = true });
    }

    private async Task SetRefusingAsync(TenantScope tenant, Connection connection, string ledger, bool refuse) =>
        await Hub.Services.GetRequiredService<ConnectionService>().UpdateAsync(tenant, AuditActor.System, connection.Id,
            new ConnectionInput(DemoPmsConnector.Key, connection.Name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.LedgerField] = ledger, [DemoPmsConnector.RefuseField] = refuse ? "yes" : "no" },
                new Dictionary<string, string>()), CancellationToken.None);

    /// <summary>Adjustments on with a discount type; a credit and a note sent to the PMS, both refused by the Demo PMS.</summary>
    private async Task<Guid> RefusedWritesAsync(TenantScope tenant)
    {
        var settings = Hub.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(tenant, CancellationToken.None);
        changed.WriteAdjustments = true;
        changed.DiscountAdjustmentType = "401";
        await settings.SaveAsync(tenant, AuditActor.System, changed, CancellationToken.None);
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var patientId = await db.Patients.Where(p => db.PatientLinks.Any(l => l.PatientId == p.Id)).OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
        var (_, error) = await Hub.Services.GetRequiredService<PatientAdjustments>().AddAsync(tenant, AuditActor.System, patientId,
            new AdjustmentInput(25m, AdjustmentEffect.Credit, null, null, "Membership"), CancellationToken.None);
        Assert.Null(error);
        Assert.Null(await Hub.Services.GetRequiredService<PatientNotes>().SaveAndSendToPmsAsync(tenant, AuditActor.System, patientId, "Called about the crown.", CancellationToken.None));
        return patientId;
    }

    /// <summary>The writeback worker writes in the background; the page shows it on its next load.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string text)
    {
        for (var tries = 0; tries < 30; tries++)
        {
            if ((await locator.AllInnerTextsAsync()).Any(t => t.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(500);
            await page.ReloadAsync();
            await WaitUntilInteractiveAsync(page);
        }
        await Assertions.Expect(locator.First).ToContainTextAsync(text);
    }
}
