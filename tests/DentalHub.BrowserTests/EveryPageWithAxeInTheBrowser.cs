using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DentalHub.Data;
using DentalHub.Payouts;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner of the sample practice opens every page of DentalHub (every <c>@page</c> route of the app) and axe
/// checks each as a screen reader or a low-vision user would meet it: no serious or critical finding anywhere.
/// </summary>
public sealed class EveryPageWithAxeInTheBrowser : BrowserScenario
{
    private static readonly string[] Resources =
    [
        SyncResources.Patients, SyncResources.Providers, SyncResources.Operatories, SyncResources.AppointmentTypes, SyncResources.Clinics,
        SyncResources.Appointments, SyncResources.Schedules, SyncResources.InsurancePlans, SyncResources.Coverages, SyncResources.Claims,
        SyncResources.LedgerEntries, SyncResources.Balances,
    ];

    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Enum members of more than one word as the code spells them (NonPatient), which no person writes.</summary>
    private static readonly string[] EnumNames = new[] { typeof(Program).Assembly, typeof(Connectors.Contract.IConnector).Assembly }
        .SelectMany(a => a.GetTypes())
        .Where(t => t.IsEnum)
        .SelectMany(Enum.GetNames)
        .Where(n => Regex.IsMatch(n, "^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$"))
        .Distinct()
        .ToArray();

    [SkippableFact]
    public async Task EveryPage_OwnerOfTheSamplePractice_HasNoSeriousOrCriticalAxeFindingAndNoEnumName()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");
        var addresses = await AddressesOfEveryPageAsync();

        var findings = new StringBuilder();
        var codeNames = new StringBuilder();
        foreach (var (template, address) in addresses)
        {
            await page.GotoAsync(Hub.BaseUrl + address);
            await SettledAsync(page);
            await AxeAsync(page, $"{template} ({address})", findings);
            var text = await page.InnerTextAsync("body");
            foreach (var name in EnumNames.Where(n => Regex.IsMatch(text, $@"\b{n}\b")))
            {
                codeNames.AppendLine($"{template} ({address}): shows \"{name}\"");
            }
        }

        Assert.True(findings.Length == 0, "Serious or critical accessibility findings:\n" + findings);
        Assert.True(codeNames.Length == 0, "Pages show names from the code, not words people use:\n" + codeNames);
    }

    [SkippableFact]
    public async Task OpenMenuDialogAndSelectList_OwnerOfTheSamplePractice_HaveNoSeriousOrCriticalAxeFinding()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");
        var tenant = await SyncSamplePatientsAsync();
        await SamplePayoutAsync(tenant);
        var (_, connection) = await SampleConnectionAsync();
        var findings = new StringBuilder();

        await page.GotoAsync(Hub.BaseUrl + "/");
        await SettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToContainTextAsync("Sign out");
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("72-axe-account-menu-open") });
        await AxeAsync(page, "the account menu open", findings);

        await page.GotoAsync(Hub.BaseUrl + "/payouts");
        await SettledAsync(page);
        await page.Locator("tr", new() { HasText = "po_axe" }).Locator("[data-testid=payout-posted-by-hand]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("you can undo it");
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("73-axe-posted-by-hand-dialog-open") });
        await AxeAsync(page, "the posted by hand dialog open", findings);
        await page.Locator(".mud-dialog button", new() { HasText = "Cancel" }).ClickAsync();

        await page.GotoAsync(Hub.BaseUrl + $"/connections/{connection.Id}");
        await SettledAsync(page);
        await page.Locator(".mud-select", new() { HasText = "Read patients" }).Locator(".mud-input-control").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToContainTextAsync("Every hour");
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("74-axe-select-list-open") });
        await AxeAsync(page, "the sync schedule list open", findings);

        Assert.True(findings.Length == 0, "Serious or critical accessibility findings:\n" + findings);
    }

    private static async Task AxeAsync(IPage page, string what, StringBuilder findings)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => Blocking.Contains(v.Impact)))
        {
            foreach (var node in violation.Nodes)
            {
                var why = string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                findings.AppendLine($"{what}: {violation.Id} [{violation.Impact}] at {node.Target}: {why} {node.Html}");
            }
        }
    }

    [SkippableFact]
    public async Task EveryLayout_FirstTab_FocusesSkipToContentWhichLeadsToTheMainLandmark()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");
        var tenant = await SyncSamplePatientsAsync();
        var patientId = await FirstPatientIdAsync(tenant);

        foreach (var address in new[] { "/", "/payments", "/embed/patients/" + patientId })
        {
            await page.GotoAsync(Hub.BaseUrl + address);
            await SettledAsync(page);
            await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Tab");
            var focused = page.Locator(":focus");
            await Assertions.Expect(focused).ToHaveTextAsync("Skip to content");
            await Assertions.Expect(focused).ToBeVisibleAsync();
            if (address == "/")
            {
                await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("71-skip-to-content") });
            }
            await page.Keyboard.PressAsync("Enter");
            var target = await page.EvaluateAsync<string>("() => document.activeElement?.closest('main') ? 'main' : (document.activeElement?.tagName ?? '')");
            Assert.True(target == "main", $"{address}: after Skip to content, focus is in {target}, not in <main>");
        }
    }

    /// <summary>Every routed page of the app with an address to open it at; a page added without one fails the test.</summary>
    private async Task<IReadOnlyList<(string Template, string Address)>> AddressesOfEveryPageAsync()
    {
        var tenant = await SyncEverythingAsync();
        var patientId = await FirstPatientIdAsync(tenant);
        var (_, connection) = await SampleConnectionAsync();
        var payoutId = await SamplePayoutAsync(tenant);
        await SamplePaymentsAsync(tenant, patientId);
        await SampleDocumentAsync(tenant, patientId);
        var concrete = new Dictionary<string, string>
        {
            ["/patients/{Id:guid}"] = "/patients/" + patientId,
            ["/embed/patients/{Id:guid}"] = "/embed/patients/" + patientId,
            ["/connections/{Id:guid}"] = "/connections/" + connection.Id,
            ["/connections/{Id:guid}/sync"] = $"/connections/{connection.Id}/sync",
            ["/payouts/{Id:guid}"] = "/payouts/" + payoutId,
            ["/launch"] = "/launch?patientId=AXE-1&firstName=Lena&lastName=Launch&birthDate=1990-02-03",
        };
        var templates = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var missing = templates.Where(t => t.Contains('{') && !concrete.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "Pages this test cannot open yet (add an address): " + string.Join(", ", missing));
        return templates.Select(t => (t, concrete.GetValueOrDefault(t, t))).ToList();
    }

    /// <summary>Waits until the page is live (interactive pages) and still, so axe sees what a person sees.</summary>
    private static async Task SettledAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator(".mud-appbar").CountAsync() > 0)
        {
            await WaitUntilInteractiveAsync(page);
        }
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-circular, .mud-table-loading-progress').length === 0");
        await WaitForAnimationsAsync(page);
    }

    private async Task<TenantScope> SyncEverythingAsync()
    {
        var (tenant, connection) = await SampleConnectionAsync();
        var runner = Hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in Resources)
        {
            await runner.RunAsync(tenant, connection.Id, resource, SyncTrigger.Manual, CancellationToken.None);
        }
        return tenant;
    }

    private async Task<Guid> FirstPatientIdAsync(TenantScope tenant)
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return await db.Patients.OrderBy(p => p.LastName).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<Guid> SamplePayoutAsync(TenantScope tenant)
    {
        await Hub.Services.GetRequiredService<PayoutIntake>().RecordAsync(tenant, new IncomingPayout("po_axe", "api", null, new DateOnly(2026, 11, 20), "USD", 913.15m,
        [
            new(PayoutItemCategory.Charge, "ch_axe1", 650.00m, 19.15m, PaymentSource.CardTerminal),
            new(PayoutItemCategory.Charge, "ch_axe2", 300.00m, 9.00m, PaymentSource.Portal),
            new(PayoutItemCategory.Refund, "re_axe1", -8.70m, 0m),
        ]), CancellationToken.None);
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return await db.Payouts.Where(p => p.ProcessorPayoutId == "po_axe").Select(p => p.Id).SingleAsync();
    }

    /// <summary>Documents on, so the profile shows its Documents panel with one attached and the Writeback page its category.</summary>
    private async Task SampleDocumentAsync(TenantScope tenant, Guid patientId)
    {
        var settings = Hub.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(tenant, CancellationToken.None);
        changed.WriteDocuments = true;
        await settings.SaveAsync(tenant, Audit.AuditActor.System, changed, CancellationToken.None);
        var (_, error) = await Hub.Services.GetRequiredService<Documents.PatientDocuments>().AddAsync(tenant, Audit.AuditActor.System, patientId,
            new Documents.DocumentInput("receipt.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray(), "503", "Receipt"), CancellationToken.None);
        Assert.Null(error);
    }

    private async Task SamplePaymentsAsync(TenantScope tenant, Guid patientId)
    {
        var intake = Hub.Services.GetRequiredService<PaymentIntake>();
        var now = TimeProvider.System.GetUtcNow();
        await intake.RecordAsync(tenant, new IncomingPayment("pi_axe_1", "api", patientId, PaymentSource.CardTerminal, 650m, 19.15m, "USD", now.AddMinutes(-30), null), CancellationToken.None);
        await intake.RecordAsync(tenant, new IncomingPayment("pi_axe_2", "api", null, PaymentSource.Portal, 300m, 9.00m, "USD", now, null), CancellationToken.None);
    }
}
