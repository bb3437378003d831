using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The bookkeeper sees a payment the PMS refused, fixes the cause and retries it; the owner assigns a payment that
/// arrived without a patient, marks one posted by hand (and takes it back), and narrows the page to a range of days.
/// </summary>
public sealed class PaymentWritebackInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task RefusedPayment_ShowsNotRecordedWithReason_RetryRecordsIt()
    {
        SkipWithoutChromium();
        var ledger = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var (tenant, connection) = await SampleConnectionAsync();
        var (connectionId, name) = (connection.Id, connection.Name);
        await ConfigureDemoAsync(tenant, connectionId, name, ledger, refuse: true);
        await Hub.Services.GetRequiredService<SyncRunner>().RunAsync(tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        var (patientId, _) = await FirstPatientNameAsync(tenant);
        await Hub.Services.GetRequiredService<PaymentIntake>().RecordAsync(tenant,
            new IncomingPayment("pi_browser_1", "test", patientId, PaymentSource.Portal, 150m, 4.65m, "USD", TimeProvider.System.GetUtcNow(), null), CancellationToken.None);

        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Bo Bookkeeper", "bo@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/payments");
        await WaitUntilInteractiveAsync(page);
        var status = page.Locator("[data-testid=writeback-status]").First;
        await Assertions.Expect(status).ToContainTextAsync("Not recorded", new() { Timeout = 30_000 });
        await Assertions.Expect(status).ToContainTextAsync("refused the payment");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("10-payment-not-recorded"), FullPage = true });

        await ConfigureDemoAsync(tenant, connectionId, name, ledger, refuse: false);
        await page.ClickAsync("[data-testid=retry]");
        await Assertions.Expect(status).ToContainTextAsync("Recorded in the PMS (payment 5001)", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("11-payment-recorded"), FullPage = true });
        Assert.Equal([145.35m], DemoLedger.Entries(ledger).Select(e => e.Amount));

        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Writeback");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("12-writeback-settings"), FullPage = true });
    }

    [SkippableFact]
    public async Task PaymentsPage_AssignPostedByHandUndoAndDates()
    {
        SkipWithoutChromium();
        var ledger = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var (tenant, connection) = await SampleConnectionAsync();
        var (connectionId, name) = (connection.Id, connection.Name);
        await ConfigureDemoAsync(tenant, connectionId, name, ledger, refuse: true);
        await Hub.Services.GetRequiredService<SyncRunner>().RunAsync(tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        var (patientId, lastName) = await FirstPatientNameAsync(tenant);
        var intake = Hub.Services.GetRequiredService<PaymentIntake>();
        var now = TimeProvider.System.GetUtcNow();
        await intake.RecordAsync(tenant, new IncomingPayment("pi_refused", "api", patientId, PaymentSource.Portal, 90m, 2.91m, "USD", now.AddMinutes(-5), null), CancellationToken.None);
        await intake.RecordAsync(tenant, new IncomingPayment("pi_old", "api", null, PaymentSource.CardTerminal, 40m, 1.26m, "USD", now.AddDays(-40), null), CancellationToken.None);

        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olive Owner", "olive@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/payments");
        await WaitUntilInteractiveAsync(page);
        var refused = page.Locator("tr", new() { HasText = "90.00 USD" });
        await Assertions.Expect(refused.Locator("[data-testid=writeback-status]")).ToContainTextAsync("Not recorded", new() { Timeout = 30_000 });
        await ConfigureDemoAsync(tenant, connectionId, name, ledger, refuse: false);
        await intake.RecordAsync(tenant, new IncomingPayment("pi_nobody", "api", null, PaymentSource.Portal, 125.50m, 3.94m, "USD", now, null), CancellationToken.None);
        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=writeback-rule]")).ToContainTextAsync("net amount");
        await Assertions.Expect(page.Locator("[data-testid=total-gross]")).ToHaveTextAsync("255.50 USD");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("13-payments-page"), FullPage = true });

        // Assign the payment that came without a patient, with the patient picker.
        var unassigned = page.Locator("tr", new() { HasText = "125.50 USD" });
        await unassigned.Locator("[data-testid=assign]").ClickAsync();
        // The picker searches as the text changes. On a saturated machine a render still on its way from opening the
        // dialog can clear what was just typed (Blazor Server), and a person types it again: so does this test, at most twice.
        var search = page.Locator(".mud-dialog input");
        var options = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 1; ; attempt++)
        {
            await search.FillAsync(lastName[..3]);
            try
            {
                await options.First.WaitForAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("14-payment-assign-picker"), FullPage = true });
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = lastName }).First.ClickAsync();
        await page.ClickAsync("[data-testid=confirm-assign]");
        await Assertions.Expect(unassigned.Locator("[data-testid=patient] a")).ToContainTextAsync(lastName);
        await Assertions.Expect(unassigned.Locator("[data-testid=patient] a")).ToHaveAttributeAsync("href", $"/patients/{patientId}");
        for (var attempt = 0; attempt < 30 && !(await unassigned.Locator("[data-testid=writeback-status]").InnerTextAsync()).Contains("Recorded in the PMS", StringComparison.Ordinal); attempt++)
        {
            // The writeback worker records it within seconds; reload to see it.
            await Task.Delay(1000);
            await page.ReloadAsync();
            await WaitUntilInteractiveAsync(page);
        }
        await Assertions.Expect(unassigned.Locator("[data-testid=writeback-status]")).ToContainTextAsync("as 121.56 USD, the net amount");
        Assert.Equal([121.56m], DemoLedger.Entries(ledger).Select(e => e.Amount));

        // Posted by hand asks first, and can be taken back.
        await refused.Locator("[data-testid=posted-by-hand]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Do this only once it is in the PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("15-payment-posted-by-hand-confirm"), FullPage = true });
        await page.Locator(".mud-dialog button", new() { HasText = "Mark posted by hand" }).ClickAsync();
        await Assertions.Expect(refused.Locator("[data-testid=writeback-status]")).ToContainTextAsync("Posted by hand");
        await refused.Locator("[data-testid=undo-posted-by-hand]").ClickAsync();
        await Assertions.Expect(refused.Locator("[data-testid=writeback-status]")).ToContainTextAsync("Not recorded");
        await Assertions.Expect(refused.Locator("[data-testid=retry]")).ToBeVisibleAsync();

        // A range of days: the old payment alone, its totals, and the export link that carries the range.
        var day = TimeZoneInfo.ConvertTime(now.AddDays(-40), TimeZoneInfo.FindSystemTimeZoneById(await PracticeZoneAsync(tenant))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await FillDateAsync(page, "from", day);
        await FillDateAsync(page, "to", day);
        await Assertions.Expect(page.Locator("[data-testid=payments-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=total-gross]")).ToHaveTextAsync("40.00 USD");
        await Assertions.Expect(page.Locator("[data-testid=total-net]")).ToHaveTextAsync("38.74 USD");
        Assert.Contains($"from={day}&to={day}", await page.Locator("[data-testid=export-csv]").GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("16-payments-one-day"), FullPage = true });
    }

    private async Task<string> PracticeZoneAsync(TenantScope tenant)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return (await db.Practices.SingleAsync()).TimeZoneId;
    }

    private async Task<(Guid Id, string LastName)> FirstPatientNameAsync(TenantScope tenant)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        var patient = await db.Patients.OrderBy(p => p.LastName).Select(p => new { p.Id, p.LastName }).FirstAsync();
        return (patient.Id, patient.LastName);
    }

    private Task ConfigureDemoAsync(TenantScope tenant, Guid connectionId, string name, string ledger, bool refuse) =>
        Hub.Services.GetRequiredService<ConnectionService>().UpdateAsync(tenant, AuditActor.System, connectionId,
            new ConnectionInput(DemoPmsConnector.Key, name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.LedgerField] = ledger, [DemoPmsConnector.RefuseField] = refuse ? "yes" : "no" },
                new Dictionary<string, string>()), CancellationToken.None);
}
