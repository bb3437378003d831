using DentalHub.Connectors.Demo;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// The owner lets staff attach documents with "Financial Agreements" as the default category; the front desk attaches a
/// signed payment plan from the profile, reviews it, and sees it Recorded in the sample practice's Demo PMS.
/// </summary>
public sealed class DocumentsInThePmsInTheBrowser : BrowserScenario
{
    private static readonly byte[] SignedPlan = "%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    [SkippableFact]
    public async Task FrontDesk_AttachesASignedPlanFromTheProfile_ShowsRecordedInTheDemoPms()
    {
        SkipWithoutChromium();
        var patientId = await SeedAsync();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        await CreateOwnerAsync(page, "Mona Manager", "mona@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/settings/writeback");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Staff and API keys with the documents scope may attach PDFs and pictures (a signed agreement, a receipt) to a patient's chart in the PMS").CheckAsync();
        await page.Locator("[data-testid=document-category-default]").ClickAsync();
        await WaitForAnimationsAsync(page);
        await page.GetByRole(AriaRole.Option, new() { Name = "Financial Agreements" }).ClickAsync();
        await WaitForAnimationsAsync(page);
        await page.ClickAsync("[data-testid=save-writeback]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");

        await page.GotoAsync($"{Hub.BaseUrl}/patients/{patientId}");
        await WaitUntilInteractiveAsync(page);
        var documents = page.Locator("[data-testid=patient-documents]");
        await documents.Locator("[data-testid=attach-document]").ClickAsync();
        await documents.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "payment plan (signed).pdf", MimeType = "application/pdf", Buffer = SignedPlan });
        await Assertions.Expect(documents.Locator("[data-testid=document-chosen]")).ToContainTextAsync("payment plan (signed).pdf");
        await documents.Locator("input[data-testid=document-description], [data-testid=document-description] input").First.FillAsync("Signed payment plan");
        await documents.Locator("[data-testid=review-document]").ClickAsync();
        await Assertions.Expect(documents.Locator("[data-testid=document-confirm-text]")).ToContainTextAsync("in \"Financial Agreements\"");
        await WaitForAnimationsAsync(page);
        await documents.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("66-profile-document-review") });
        await documents.Locator("[data-testid=confirm-document]").ClickAsync();
        await Assertions.Expect(documents.Locator("[data-testid=document-history]")).ToContainTextAsync("payment plan (signed).pdf");

        await ReloadUntilAsync(page, "[data-testid=document-state]", "Recorded in the Demo PMS");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("67-profile-document-recorded"), FullPage = true });

        // The Demo PMS keeps writes for the process: other scenarios' documents may be there too.
        var attached = Assert.Single(DemoDocuments.Entries("sample"), e => e.Document.Description.StartsWith("Signed payment plan", StringComparison.Ordinal)).Document;
        Assert.Equal(("502", "application/pdf"), (attached.CategoryId, attached.ContentType));
        Assert.Equal(SignedPlan, attached.Content);
        var download = await page.APIRequest.GetAsync(await page.Locator("[data-testid=document-download]").First.GetAttributeAsync("href") is { } href ? Hub.BaseUrl + href : "");
        Assert.Equal(SignedPlan, await download.BodyAsync());
    }

    /// <summary>The sample practice's patients read now; one linked to the Demo PMS.</summary>
    private async Task<Guid> SeedAsync()
    {
        var tenant = await SyncSamplePatientsAsync();
        await using var db = Hub.Services.GetRequiredService<DentalHubDbFactory>().Create(tenant);
        return await db.Patients.Where(p => db.PatientLinks.Any(l => l.PatientId == p.Id)).OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync();
    }
}
