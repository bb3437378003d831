using Microsoft.Playwright;

namespace DentalHub.BrowserTests;

/// <summary>The front desk uses DentalHub on a phone: a profile opens on its card and points, and they can sign out.</summary>
public sealed class FrontDeskOnAPhoneInTheBrowser : BrowserScenario
{
    private const int Width = 390;
    private const int Height = 844;

    [SkippableFact]
    public async Task FrontDesk_OnAPhone_SeesCardAndPointsBeforeNotesThenSignsOut()
    {
        SkipWithoutChromium();
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = Height }, HasTouch = true, IsMobile = true });
        var page = await context.NewPageAsync();
        await CreateOwnerAsync(page, "Frankie Frontdesk", "frankie@example.test");

        await page.GotoAsync(Hub.BaseUrl + "/launch?pms=topsortho&patientId=T-3003&firstName=Pia&lastName=Phone&birthDate=2001-04-05");
        await page.WaitForURLAsync("**/patients/*");
        await WaitUntilInteractiveAsync(page);
        var card = await page.Locator("[data-testid=card-panel]").BoundingBoxAsync();
        var points = await page.Locator("[data-testid=points-panel]").BoundingBoxAsync();
        var notes = await page.Locator("[data-testid=notes]").BoundingBoxAsync();
        var contacts = await page.Locator("[data-testid=patient-contacts]").BoundingBoxAsync();
        Assert.True(card!.Y < notes!.Y && points!.Y < notes.Y && points.Y < contacts!.Y, $"card at {card.Y}, points at {points!.Y}, notes at {notes.Y}, contacts at {contacts!.Y}");
        Assert.True(card.Y < Height, "the card is on the first screen");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("62-profile-on-a-phone") });

        var account = page.GetByRole(AriaRole.Button, new() { Name = "Account" });
        var button = await account.BoundingBoxAsync();
        Assert.True(button is not null && button.X >= 0 && button.X + button.Width <= Width, $"the account button is inside the screen (at {button?.X}, {button?.Width} wide)");
        await account.ClickAsync();
        var signOut = page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" });
        await Assertions.Expect(signOut).ToBeInViewportAsync();
        await WaitForAnimationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("63-account-menu-on-a-phone") });
        await signOut.ClickAsync();
        await page.WaitForURLAsync("**/account/login**");
    }
}
