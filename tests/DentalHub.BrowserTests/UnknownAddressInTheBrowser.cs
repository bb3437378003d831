using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>Someone follows a mistyped or old link into DentalHub.</summary>
public sealed class UnknownAddressInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task SignedInStaff_OpensAnAddressThatDoesNotExist_SeesTheNotFoundPageWithStatus404AndALinkHome()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");

        var response = await page.GotoAsync(Hub.BaseUrl + "/patients-old/list");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".dh-account-brand")).ToContainTextAsync("DentalHub");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("60-not-found"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await page.WaitForURLAsync(Hub.BaseUrl + "/");

        // Another status keeps its own answer: a page that exists, asked the wrong way, is not "not found".
        var wrongMethod = await page.APIRequest.DeleteAsync(Hub.BaseUrl + "/patients");
        Assert.Equal(405, wrongMethod.Status);
        Assert.DoesNotContain("Page not found", await wrongMethod.TextAsync());
    }
}
