using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Demo;
using DentalHub.Data;
using DentalHub.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner sees an alert about a payment the PMS refused, follows its link to that payment, records that they
/// posted it by hand, and the alert is gone from the dashboard.
/// </summary>
public sealed class ResolvedAlertsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task PaymentPostedByHand_FromTheAlertsLink_AlertLeavesTheDashboard()
    {
        SkipWithoutChromium();
        var (tenant, connection) = await SampleConnectionAsync();
        await Hub.Services.GetRequiredService<ConnectionService>().UpdateAsync(tenant, AuditActor.System, connection.Id,
            new ConnectionInput(DemoPmsConnector.Key, connection.Name,
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.LedgerField] = "alerts-" + Guid.NewGuid().ToString("N")[..8], [DemoPmsConnector.RefuseField] = "yes" },
                new Dictionary<string, string>()), CancellationToken.None);
        await SyncSamplePatientsAsync();
        await using (var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant))
        {
            var patientId = await db.Patients.OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
            await Hub.Services.GetRequiredService<PaymentIntake>().RecordAsync(tenant,
                new IncomingPayment("pi_alert_1", "test", patientId, PaymentSource.Portal, 150m, 4.65m, "USD", TimeProvider.System.GetUtcNow(), null), CancellationToken.None);
        }

        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Olive Owner", "olive@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/payments");
        await Assertions.Expect(page.Locator("[data-testid=writeback-status]").First).ToContainTextAsync("Not recorded", new() { Timeout = 30_000 });
        await page.GotoAsync(Hub.BaseUrl + "/");
        var alert = page.Locator("[data-testid=alert]");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(alert).ToContainTextAsync("was not recorded in the PMS");
        var link = page.Locator("[data-testid=alert-link]");
        await Assertions.Expect(link).ToContainTextAsync("Payment of 150.00 USD received");
        await Assertions.Expect(link).ToContainTextAsync("(pi_alert_1)");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("60-alert-names-the-payment"), FullPage = true });

        await link.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/payments\\?payment="));
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=one-payment]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=writeback-status]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("61-alert-opens-its-payment"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Posted by hand" }).ClickAsync();
        // The page asks first: it must be in the PMS already.
        await page.Locator(".mud-dialog button", new() { HasText = "Mark posted by hand" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=writeback-status]")).ToContainTextAsync("Posted by hand");

        await page.GotoAsync(Hub.BaseUrl + "/");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=connection-count]")).ToBeVisibleAsync();
        await Assertions.Expect(alert).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("62-alert-closed-after-posting-by-hand"), FullPage = true });
    }
}
