using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// An integrator opens the API reference of a DentalHub on a practice network that reaches nothing outside: the page
/// comes whole from DentalHub (no fonts, scripts or buttons from elsewhere) and "try it" asks for the API key.
/// </summary>
public sealed class ApiReferenceOfflineInTheBrowser : BrowserScenario
{
    [SkippableFact]
    public async Task ApiReference_NetworkToOtherHostsBlocked_RendersAndAsksNothingOfOtherHosts()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var elsewhere = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "localhost" or "[::1]" or "::1" || host.StartsWith("127.", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            lock (elsewhere)
            {
                elsewhere.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });

        await page.GotoAsync(Hub.BaseUrl + "/api/reference");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DentalHub API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // "Try it" sends the API key: the reference offers the document's bearer scheme, chosen already.
        await Assertions.Expect(page.GetByText("Bearer Token").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("70-api-reference-offline"), FullPage = false });
        Assert.True(elsewhere.Count == 0, "The reference asked other hosts for: " + string.Join(", ", elsewhere.Distinct()));
        foreach (var vendor in new[] { "Open API Client", "Deploy", "Generate SDK", "Ask AI", "Powered by Scalar" })
        {
            await Assertions.Expect(page.GetByText(vendor, new() { Exact = true })).ToBeHiddenAsync();
        }
    }
}
