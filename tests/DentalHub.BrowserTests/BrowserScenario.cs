using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>
/// What every browser scenario needs: a running hub with the sample practice, and Chromium. Tests
/// skip with the reason when Chromium is not installed.
/// </summary>
public abstract class BrowserScenario : IAsyncLifetime
{
    protected const string Password = "Correct-Horse-Battery-9";

    protected RunningHub Hub { get; private set; } = default!;
    protected IBrowser Browser { get; private set; } = default!;
    private IPlaywright? playwright;
    private bool started;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return;
        }
        Hub = new RunningHub(await HubSettingsAsync());
        Hub.UseFreePort();
        Hub.Start();
        (playwright, Browser) = await Chromium.LaunchAsync();
        started = true;
    }

    public async Task DisposeAsync()
    {
        if (!started)
        {
            return;
        }
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Hub.DisposeAsync();
    }

    /// <summary>Settings a scenario adds to the hub's (e.g. where a test double of a remote service listens).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> HubSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    protected void SkipWithoutChromium() => Skip.If(!started, Chromium.SkipReason);

    protected static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

    /// <summary>Types a day (yyyy-MM-dd) into a date picker, as a person who does not open the calendar does.</summary>
    protected static async Task FillDateAsync(IPage page, string which, string day)
    {
        // MudBlazor puts the attributes of a date picker on its input or on its wrapper, depending on the version.
        var input = page.Locator($"input[data-testid={which}], [data-testid={which}] input").First;
        await input.FillAsync(day);
        // Tab, not Enter: Enter opens the calendar.
        await input.PressAsync("Tab");
    }

    /// <summary>Fills the first-run form, as the first person to open a new DentalHub does.</summary>
    protected async Task CreateOwnerAsync(IPage page, string name, string email)
    {
        await page.GotoAsync(Hub.BaseUrl + "/setup");
        await page.FillAsync("input[name=displayName]", name);
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Hub.BaseUrl + "/");
    }
}
