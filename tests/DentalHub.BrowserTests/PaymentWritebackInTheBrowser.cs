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

/// <summary>The bookkeeper sees a payment the PMS refused, fixes the cause and retries it.</summary>
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
        var patientId = await FirstPatientAsync(tenant);
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

    private Task ConfigureDemoAsync(TenantScope tenant, Guid connectionId, string name, string ledger, bool refuse) =>
        Hub.Services.GetRequiredService<ConnectionService>().UpdateAsync(tenant, AuditActor.System, connectionId,
            new ConnectionInput(DemoPmsConnector.Key, name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.LedgerField] = ledger, [DemoPmsConnector.RefuseField] = refuse ? "yes" : "no" },
                new Dictionary<string, string>()), CancellationToken.None);

    private async Task<Guid> FirstPatientAsync(TenantScope tenant)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return await db.Patients.OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
    }
}
