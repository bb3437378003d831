using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Launched;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>A practice on a PMS without an API: topsOrtho and Orthotrac open DentalHub from a patient's screen.</summary>
public sealed class LaunchOnlyPmsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task TopsOrtho_LaunchCreatesThenOpensThenUpdates_OneProfileKeptCurrent()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Tess Tops", "tess@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/connections/new");
        await WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=connector-select]").ClickAsync();
        await WaitForAnimationsAsync(page);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "topsOrtho (launched from the PMS)" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("topsOrtho opens DentalHub from a patient's screen")).ToBeVisibleAsync();
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("80-add-connection-launched-from-the-pms"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add connection" }).ClickAsync();
        await page.WaitForURLAsync(Hub.BaseUrl + "/connections");

        const string launch = "/launch?pms=topsortho&patientId=T-500&firstName=Lena&lastName=Launch&birthDate=2011-06-09&email=lena%40example.com&cellPhone=555-010-2233&accountHolderId=T-500";
        await page.GotoAsync(Hub.BaseUrl + launch);
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        var profile = page.Url;
        await Assertions.Expect(page.Locator("[data-testid=patient-name]")).ToHaveTextAsync("Lena Launch");
        await Assertions.Expect(page.Locator("[data-testid=pms-records]")).ToContainTextAsync("T-500");
        await Assertions.Expect(page.Locator("[data-testid=patient-details]")).ToContainTextAsync("555-010-2233");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("81-topsortho-launch-created"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + launch);
        await page.WaitForURLAsync("**/patients/*");
        Assert.Equal(profile, page.Url);

        await page.GotoAsync(Hub.BaseUrl + launch.Replace("555-010-2233", "555-010-9999").Replace("lena%40example.com", "lena.l%40example.com"));
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        Assert.Equal(profile, page.Url);
        await Assertions.Expect(page.Locator("[data-testid=patient-details]")).ToContainTextAsync("555-010-9999");
        await Assertions.Expect(page.Locator("[data-testid=patient-details]")).ToContainTextAsync("lena.l@example.com");
        await Assertions.Expect(page.Locator("[data-testid=pms-owned]")).ToContainTextAsync("opening the patient from it brings the change here");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("82-topsortho-launch-updated"), FullPage = true });
    }

    [SkippableFact]
    public async Task Orthotrac_SetCardThenLaunch_CreatesTheProfileWithTheCard()
    {
        SkipWithoutChromium();
        var tenant = await OrthotracAsync();
        var current = await PatientWithCardAsync(tenant, "4111888899990000");
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Otto Desk", "otto@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/launch/set-card?pms=orthotrac&patientId=O-77&card=4111555566667777");
        await page.ClickAsync("[data-testid=set-card-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=set-card-message]")).ToContainTextAsync("waits for this patient: open the patient from Orthotrac (Launch)");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("83-orthotrac-card-set-waits"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "See the cards waiting for a launch" }).ClickAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=waiting-cards]")).ToContainTextAsync("O-77");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("84-cards-waiting-for-a-launch"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=orthotrac&patientId=O-77&firstName=Omar&lastName=Trac&birthDate=2010-01-02");
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=patient-name]")).ToHaveTextAsync("Omar Trac");
        await Assertions.Expect(page.Locator("[data-testid=active-card]")).ToHaveTextAsync("4111 5555 6666 7777");
        await Assertions.Expect(page.Locator("[data-testid=card-open]")).ToHaveTextAsync("Replace card");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("85-orthotrac-launch-created-with-card"), FullPage = true });

        // A current patient, in the hub with a card: the card number pasted in Orthotrac links the two.
        await page.GotoAsync(Hub.BaseUrl + "/launch/set-card?pms=orthotrac&patientId=O-88&card=4111888899990000");
        await page.ClickAsync("[data-testid=set-card-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=set-card-message]")).ToContainTextAsync("The Orthotrac patient is now linked to the profile that holds this card.");
        await page.GotoAsync(Hub.BaseUrl + "/launch/open?pms=orthotrac&patientId=O-88");
        await page.WaitForURLAsync($"**/patients/{current}");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=pms-records]")).ToContainTextAsync("O-88");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("86-orthotrac-current-patient-linked-by-card"), FullPage = true });
    }

    private async Task<TenantScope> OrthotracAsync()
    {
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync();
        var tenant = TenantScope.ForPractice(practice.OrganizationId, practice.Id);
        await Hub.Services.GetRequiredService<ConnectionService>().CreateAsync(tenant, AuditActor.System,
            new ConnectionInput(LaunchedPms.Orthotrac.Key, "Orthotrac", new Dictionary<string, string>(), new Dictionary<string, string>()), CancellationToken.None);
        return tenant;
    }

    private async Task<Guid> PatientWithCardAsync(TenantScope tenant, string card)
    {
        var born = new DateOnly(2009, 8, 7);
        var patient = new Patient
        {
            PracticeId = tenant.PracticeId!.Value, FirstName = "Cora", LastName = "Current", BirthDate = born,
            MatchKey = MatchKeys.For("Cora", "Current", born), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        await using (var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant))
        {
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
        }
        var connected = await Hub.Services.GetRequiredService<CardService>().ConnectAsync(tenant, AuditActor.System, patient.Id, card, CancellationToken.None);
        Assert.True(connected.Succeeded, connected.Error);
        return patient.Id;
    }
}
