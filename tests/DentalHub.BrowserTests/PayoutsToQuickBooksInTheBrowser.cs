using DentalHub.Audit;
using DentalHub.Bookkeeping;
using DentalHub.Connections;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Tenancy;
using DentalHub.TestDoubles.QuickBooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The bookkeeper maps QuickBooks accounts, then sees one payout posted and one flagged because its lines do not add
/// up, opens it to its lines, and totals a range of days.
/// </summary>
public sealed class PayoutsToQuickBooksInTheBrowser : BrowserScenario
{
    private QuickBooksOnlineTestDouble? qbo;

    protected override async Task<IReadOnlyDictionary<string, string?>> HubSettingsAsync()
    {
        qbo = await QuickBooksOnlineTestDouble.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Connectors:quickbooks-online:ClientId"] = QuickBooksOnlineTestDouble.ClientId,
            ["Connectors:quickbooks-online:ClientSecret"] = QuickBooksOnlineTestDouble.ClientSecret,
            ["Connectors:quickbooks-online:Environment"] = "sandbox",
            ["Connectors:quickbooks-online:ApiBaseUrl"] = qbo.Root.ToString(),
            ["Connectors:quickbooks-online:TokenUrl"] = qbo.TokenUrl.ToString(),
            ["Connectors:quickbooks-online:RevokeUrl"] = qbo.RevokeUrl.ToString(),
        };
    }

    [SkippableFact]
    public async Task MapAccounts_ThenOnePayoutPostedAndOneHeldWithItsDifference()
    {
        SkipWithoutChromium();
        await using var books0 = qbo!;
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Bo Bookkeeper", "bo@example.test");
        var (tenant, books) = await ConnectQuickBooksAsync();

        await page.GotoAsync(Hub.BaseUrl + "/bookkeeping/accounts");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=quickbooks-connection]")).ToContainTextAsync("is connected to QuickBooks company", new() { Timeout = 30_000 });
        await ChooseAsync(page, AccountRoles.Deposit, "Checking (Bank)");
        foreach (var source in Enum.GetValues<PaymentSource>())
        {
            await ChooseAsync(page, AccountRoles.Gross(source), "Patient Card Income (Income)");
        }
        await ChooseAsync(page, AccountRoles.Fees, "Merchant Fees (Expense)");
        await ChooseAsync(page, AccountRoles.Refunds, "Patient Refunds (Income)");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("40-quickbooks-accounts-mapped"), FullPage = true });
        await page.ClickAsync("[data-testid=save-mapping]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved");

        var intake = Hub.Services.GetRequiredService<PayoutIntake>();
        await intake.RecordAsync(tenant, new IncomingPayout("po_browser_ok", "api", null, new DateOnly(2026, 11, 20), "USD", 1186.28m,
        [
            new(PayoutItemCategory.Charge, "ch_b1", 950.00m, 27.85m, PaymentSource.CardTerminal),
            new(PayoutItemCategory.Charge, "ch_b2", 300.00m, 9.00m, PaymentSource.Portal),
            new(PayoutItemCategory.Refund, "re_b1", -26.87m, 0m),
        ]), CancellationToken.None);
        await intake.RecordAsync(tenant, new IncomingPayout("po_browser_short", "api", null, new DateOnly(2026, 11, 21), "USD", 500.00m,
            [new(PayoutItemCategory.Charge, "ch_b3", 515.00m, 15.50m, PaymentSource.PaymentPlan)]), CancellationToken.None);

        await page.GotoAsync(Hub.BaseUrl + "/payouts");
        await WaitUntilInteractiveAsync(page);
        var posted = page.Locator("tr", new() { HasText = "po_browser_ok" }).Locator("[data-testid=payout-status]");
        for (var attempt = 0; attempt < 30 && !(await posted.InnerTextAsync()).Contains("In QuickBooks as deposit", StringComparison.Ordinal); attempt++)
        {
            // The writeback worker posts it within seconds; reload to see it.
            await Task.Delay(1000);
            await page.ReloadAsync();
            await WaitUntilInteractiveAsync(page);
        }
        await Assertions.Expect(posted).ToContainTextAsync("In QuickBooks as deposit");
        var held = page.Locator("tr", new() { HasText = "po_browser_short" }).Locator("[data-testid=payout-status]");
        await Assertions.Expect(held).ToContainTextAsync("Lines do not add up");
        await Assertions.Expect(held.Locator("[data-testid=payout-difference]")).ToContainTextAsync("0.50 USD");
        await Assertions.Expect(page.Locator("[data-testid=payouts-not-adding-up]")).ToContainTextAsync("1 payout's lines do not add up");
        await Assertions.Expect(page.Locator("[data-testid=match-not-add]")).ToContainTextAsync("Match");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("41-payouts-posted-and-held"), FullPage = true });

        await page.Locator("tr", new() { HasText = "po_browser_ok" }).Locator("[data-testid=open-payout]").ClickAsync();
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Payout po_browser_ok");
        var breakdown = page.Locator("[data-testid=payout-breakdown]");
        await Assertions.Expect(breakdown.Locator("tbody td")).ToHaveTextAsync(new[]
        {
            "Card terminal payments", "1", "950.00 USD", "27.85 USD", "922.15 USD",
            "Online payments", "1", "300.00 USD", "9.00 USD", "291.00 USD",
            "Refunds", "1", "-26.87 USD", "0.00 USD", "-26.87 USD",
        });
        await Assertions.Expect(page.Locator("[data-testid=breakdown-total]")).ToContainTextAsync("1,186.28 USD");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("42-payout-lines"), FullPage = true });
        await page.GotoAsync(Hub.BaseUrl + "/payouts/" + await PayoutIdAsync(tenant, "po_browser_short"));
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=lines-do-not-add-up]")).ToContainTextAsync("a difference of 0.50 USD");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("43-payout-lines-do-not-add-up"), FullPage = true });

        // The bookkeeper entered the short payout by hand: asked first, and taken back it is flagged as before.
        await page.GotoAsync(Hub.BaseUrl + "/payouts");
        await WaitUntilInteractiveAsync(page);
        var shortRow = page.Locator("tr", new() { HasText = "po_browser_short" });
        await shortRow.Locator("[data-testid=payout-posted-by-hand]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("you can undo it");
        await page.Locator(".mud-dialog button", new() { HasText = "Mark posted by hand" }).ClickAsync();
        await Assertions.Expect(held).ToContainTextAsync("Posted by hand");
        await Assertions.Expect(page.Locator("[data-testid=payouts-not-adding-up]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("44-payout-posted-by-hand"), FullPage = true });
        await shortRow.Locator("[data-testid=undo-payout-posted-by-hand]").ClickAsync();
        await Assertions.Expect(held).ToContainTextAsync("Lines do not add up");
        await Assertions.Expect(held.Locator("[data-testid=payout-difference]")).ToContainTextAsync("0.50 USD");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "No longer marked as posted by hand" })).ToContainTextAsync("Held: The lines add up to 499.50 USD");

        await FillDateAsync(page, "from", "2026-11-21");
        await Assertions.Expect(page.Locator("[data-testid=payouts-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=payout-totals] [data-testid=total-net]")).ToHaveTextAsync("500.00 USD");
        Assert.Contains("from=2026-11-21", await page.Locator("[data-testid=export-csv]").GetAttributeAsync("href"));

        var deposit = Assert.Single(qbo!.Deposits);
        Assert.Equal(1186.28m, deposit.TotalAmt);
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        Assert.Equal(deposit.Id, (await db.Payouts.SingleAsync(p => p.ProcessorPayoutId == "po_browser_ok")).DepositId);
        Assert.NotEqual(Guid.Empty, books);
    }

    private async Task<Guid> PayoutIdAsync(TenantScope tenant, string payoutId)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return await db.Payouts.Where(p => p.ProcessorPayoutId == payoutId).Select(p => p.Id).SingleAsync();
    }

    // MudSelect: open it, then pick the item from its popover.
    private static async Task ChooseAsync(IPage page, string role, string item)
    {
        await page.Locator($"[data-testid=map-{role.Replace(':', '-')}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    // Intuit's consent page is not part of the double: the callback runs as it would after consent.
    private async Task<(TenantScope Tenant, Guid Books)> ConnectQuickBooksAsync()
    {
        TenantScope tenant;
        await using (var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant())
        {
            var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
            tenant = TenantScope.ForPractice(practice.OrganizationId, practice.Id);
        }
        var books = (await Hub.Services.GetRequiredService<ConnectionService>().CreateAsync(tenant, AuditActor.System,
            new ConnectionInput(QuickBooksConnector.Key, "Books", new Dictionary<string, string>(), new Dictionary<string, string>()), CancellationToken.None)).Id;
        var connections = Hub.Services.GetRequiredService<QuickBooksConnections>();
        var callback = new Uri(Hub.BaseUrl + QuickBooksConnectEndpoints.CallbackPath);
        var consent = await connections.StartAsync(tenant, "bo", books, callback, CancellationToken.None);
        var state = Uri.UnescapeDataString(consent!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "state")[1]);
        var (connected, refusal) = await connections.CompleteAsync(tenant, AuditActor.System, "bo", state,
            qbo!.IssueAuthorizationCode(callback.ToString()), qbo.RealmId, callback, CancellationToken.None);
        Assert.True(connected is not null, refusal);
        return (tenant, books);
    }
}
