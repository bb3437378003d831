using System.Net;
using DentalHub.Auth;
using DentalHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Auth;

/// <summary>Staff signing in: passwords, lockout, two-step codes and what each role may open.</summary>
public sealed class StaffSigningIn : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;

    public async Task InitializeAsync() => practice = await app.AddPracticeAsync("Sign-in Dental");

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccount()
    {
        var staff = await app.AddStaffAsync("Lou Locked", (practice, PracticeRole.Rewards));
        var browser = new Browser(app.CreateBrowserLikeClient());
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await browser.SignInAsync(staff.Email, "not-the-password");
            Assert.StartsWith("/account/login?error=invalid", failed.Headers.Location?.OriginalString);
        }
        var fifth = await browser.SignInAsync(staff.Email, "not-the-password");
        Assert.Equal("/account/login?error=locked", fifth.Headers.Location?.OriginalString);

        var rightPasswordWhileLocked = await browser.SignInAsync(staff.Email, staff.Password);
        Assert.Equal("/account/login?error=locked", rightPasswordWhileLocked.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithTwoStepOn_AsksForCodeAndAcceptsTheRightOne()
    {
        var staff = await app.AddStaffAsync("Tess Totp", (practice, PracticeRole.Admin));
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(staff.UserId))!;
            var enrolment = scope.ServiceProvider.GetRequiredService<TwoFactorEnrolment>();
            var setup = await enrolment.StartAsync(user);
            Assert.StartsWith("otpauth://totp/DentalHub:", setup.Uri);
            Assert.Contains("<svg", setup.QrSvg);
            code = Totp.Code(setup.SharedKey, TimeProvider.System.GetUtcNow());
            Assert.True(await enrolment.ConfirmAsync(user, code));
            Assert.True(user.TwoFactorEnabled);
        }
        var browser = new Browser(app.CreateBrowserLikeClient());
        var password = await browser.SignInAsync(staff.Email, staff.Password);
        Assert.StartsWith("/account/login/mfa", password.Headers.Location?.OriginalString);

        var wrong = await browser.PostFormAsync("/account/login/mfa", "/account/login/mfa", new() { ["code"] = code == "000000" ? "111111" : "000000" });
        Assert.StartsWith("/account/login/mfa?error=code", wrong.Headers.Location?.OriginalString);

        var right = await browser.PostFormAsync("/account/login/mfa", "/account/login/mfa", new() { ["code"] = code, ["returnUrl"] = "/" });
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.Contains("Sign-in Dental", await browser.GetPageAsync("/"));
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        var staff = await app.AddStaffAsync("Rita Redirect", (practice, PracticeRole.Rewards));
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.PostFormAsync("/account/login", "/account/login",
            new() { ["email"] = staff.Email, ["password"] = staff.Password, ["returnUrl"] = "//evil.example/steal" });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(PracticeRole.Rewards, "/connections")]
    [InlineData(PracticeRole.Financial, "/users")]
    [InlineData(PracticeRole.Rewards, "/audit")]
    [InlineData(PracticeRole.Financial, "/api-keys")]
    public async Task AdminPage_OpenedByNonAdmin_ShowsNoAccess(PracticeRole role, string path)
    {
        var staff = await app.AddStaffAsync($"{role} Person", (practice, role));
        var browser = await Browser.SignedInAsync(app, staff);
        var response = await browser.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
        var page = await browser.GetPageAsync(response.Headers.Location!.PathAndQuery);
        Assert.Contains("have access to this page", page);
        Assert.DoesNotContain(practice.ConnectionName, page);
    }

    [Fact]
    public async Task AdminPage_OpenedByAdmin_Shows()
    {
        var staff = await app.AddStaffAsync("Ada Admin", (practice, PracticeRole.Admin));
        var browser = await Browser.SignedInAsync(app, staff);
        Assert.Contains(practice.ConnectionName, await browser.GetPageAsync("/connections"));
        Assert.Contains("Ada Admin", await browser.GetPageAsync("/users"));
    }

    [Fact]
    public async Task Page_NotSignedIn_LeadsToSignIn()
    {
        await app.AddStaffAsync("Someone", (practice, PracticeRole.Owner));
        var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/connections");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fconnections", response.Headers.Location?.PathAndQuery);
    }
}
