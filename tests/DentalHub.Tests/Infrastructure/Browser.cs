using System.Net;
using System.Text.RegularExpressions;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// Talks to the app the way a browser does: fetches a page for its antiforgery token, posts forms,
/// keeps cookies, and does not follow redirects so tests can see where they lead.
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<Browser> SignedInAsync(DentalHubApp app, TestStaff staff)
    {
        var browser = new Browser(app.CreateBrowserLikeClient());
        var response = await browser.SignInAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return browser;
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/account/login", "/account/login", new() { ["email"] = email, ["password"] = password });

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage}.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
