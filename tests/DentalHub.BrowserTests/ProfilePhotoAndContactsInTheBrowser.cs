using Microsoft.Playwright;
using SkiaSharp;

namespace DentalHub.BrowserTests;

/// <summary>The front desk adds a photo and a parent's number to a profile, then finds the patient by either phone.</summary>
public sealed class ProfilePhotoAndContactsInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task FrontDesk_AddsPhotoAndContact_FindsPatientByPhone()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=topsortho&patientId=T-2001&firstName=Paula&lastName=Portrait&birthDate=2012-03-14&cellPhone=555-010-2233");
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);

        await page.Locator("[data-testid=patient-photo] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "paula.png", MimeType = "image/png", Buffer = Portrait() });
        await Assertions.Expect(page.Locator("[data-testid=photo-image]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=photo-remove]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=contact-add]");
        await page.FillAsync("[data-testid=contact-name]", "Marta Portrait");
        await page.FillAsync("[data-testid=contact-relationship]", "Mother");
        await page.FillAsync("[data-testid=contact-phone]", "not a number");
        await page.FillAsync("[data-testid=contact-email]", "marta@example.com");
        await page.ClickAsync("[data-testid=contact-save]");
        await Assertions.Expect(page.Locator("[data-testid=contact-problem]")).ToContainTextAsync("is not a phone number");
        await page.FillAsync("[data-testid=contact-phone]", "(555) 010-7788");
        await page.ClickAsync("[data-testid=contact-save]");
        await Assertions.Expect(page.Locator("[data-testid=contact-row]")).ToContainTextAsync("Marta Portrait · Mother");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("30-profile-photo-and-contact"), FullPage = true });

        await page.GotoAsync(Hub.BaseUrl + "/patients");
        await WaitUntilInteractiveAsync(page);
        var search = page.GetByLabel("Search by name, card, phone or e-mail");
        await search.FillAsync("010-7788");
        await Assertions.Expect(page.Locator("[data-testid=patients-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=patients-table]")).ToContainTextAsync("Portrait, Paula");
        await search.FillAsync("+1 (555) 010 2233");
        await Assertions.Expect(page.Locator("[data-testid=patients-table]")).ToContainTextAsync("Portrait, Paula");
        await Assertions.Expect(page.Locator("[data-testid=row-photo]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("31-patient-search-by-phone"), FullPage = true });

        var profile = await page.Locator("[data-testid=patients-table] a").First.GetAttributeAsync("href");
        await page.GotoAsync(Hub.BaseUrl + profile!.Replace("/patients/", "/embed/patients/"));
        await Assertions.Expect(page.Locator("[data-testid=embed-photo]")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(520, 240);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("32-embedded-profile-with-photo") });
    }

    private static byte[] Portrait()
    {
        using var bitmap = new SKBitmap(600, 800);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x9c, 0xc3, 0xe6));
            using var skin = new SKPaint { Color = new SKColor(0xf1, 0xc2, 0x7d), IsAntialias = true };
            using var shirt = new SKPaint { Color = new SKColor(0x2b, 0x6c, 0xb0), IsAntialias = true };
            canvas.DrawCircle(300, 330, 150, skin);
            canvas.DrawOval(300, 800, 260, 200, shirt);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
