using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MudBlazor;

namespace DentalHub.BrowserTests;

/// <summary>
/// Something fails that the page does not handle (here: showing its message, which every page does after an
/// action); the person is told and can reload, rather than facing a page that no longer answers.
/// </summary>
public sealed class AFailingActionInTheBrowser : BrowserScenario
{
    protected override void ReplaceHubServices(IServiceCollection services) =>
        services.AddScoped(provider => FailingMessages.Around(ActivatorUtilities.CreateInstance<SnackbarService>(provider)));

    [SkippableFact]
    public async Task Owner_TestsAConnectionAndThePageFails_SeesTheErrorBarAndReloads()
    {
        SkipWithoutChromium();
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 860 } });
        await CreateOwnerAsync(page, "Olivia Owner", "olivia@example.test");
        await page.GotoAsync(Hub.BaseUrl + "/connections");
        await WaitUntilInteractiveAsync(page);
        var errorBar = page.Locator("#blazor-error-ui");
        await Assertions.Expect(errorBar).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();

        await Assertions.Expect(errorBar).ToBeVisibleAsync();
        await Assertions.Expect(errorBar).ToContainTextAsync("Something went wrong");
        var box = await errorBar.BoundingBoxAsync();
        Assert.True(box is { Height: > 30 } && box.Y + box.Height <= 860, "the bar sits inside the window, tall enough to read");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("61-error-bar") });

        await errorBar.GetByRole(AriaRole.Link, new() { Name = "Reload" }).ClickAsync();
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("Connections");
        await Assertions.Expect(errorBar).ToBeHiddenAsync();
    }
}

/// <summary>A message service whose messages fail to show: any other call reaches the real one.</summary>
public class FailingMessages : DispatchProxy
{
    private ISnackbar inner = default!;

    public static ISnackbar Around(ISnackbar inner)
    {
        var proxy = Create<ISnackbar, FailingMessages>();
        ((FailingMessages)(object)proxy).inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(ISnackbar.Add)
            ? throw new InvalidOperationException("Messages cannot be shown.")
            : targetMethod?.Invoke(inner, args);
}
