using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Embed;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Embed;

/// <summary>
/// A PMS on another site asks for a one-time link with its API key, puts it in a frame, and the frame
/// swaps it for an embed-only session that shows that one patient and nothing else.
/// </summary>
public sealed class OpeningTheChartTabInACrossSiteFrame : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private TestPractice closed = default!;
    private HttpClient pms = default!;
    private Guid patient;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Framed Dental");
        closed = await app.AddPracticeAsync("Closed Dental", practice.OrganizationId);
        patient = await app.AddPatientAsync(practice, "Fay", "Frame");
        Assert.Null(await app.Services.GetRequiredService<EmbedFraming>().SaveAsync(practice.Tenant, RewardsTestData.Staff, "https://pms.example.com", CancellationToken.None));
        pms = await PmsClientAsync(practice);
    }

    public async Task DisposeAsync()
    {
        pms.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private EmbedTokens Tokens => app.Services.GetRequiredService<EmbedTokens>();

    [Fact]
    public async Task Link_OpenedInTheFrame_GivesAPartitionedEmbedCookieAndShowsThePatient()
    {
        var link = await MintAsync(new { patientId = patient });
        var frame = app.CreateBrowserLikeClient();

        var start = await frame.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/embed/patients/{patient}", start.Headers.Location?.OriginalString);
        var cookie = Assert.Single(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith(EmbedSessions.CookieName + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("path=/embed", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=none", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("partitioned", attributes);
        Assert.Contains(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal));

        var page = await WithCookieAsync(cookie, $"/embed/patients/{patient}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Fay Frame", await page.Content.ReadAsStringAsync());
        Assert.Equal("frame-ancestors https://pms.example.com", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Link_OpenedTwice_WorksOnlyTheFirstTime()
    {
        var link = await MintAsync(new { patientId = patient });
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().GetAsync(link)).StatusCode);

        var again = await app.CreateBrowserLikeClient().GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync());
        // Shown in the PMS's frame, not replaced by the browser's "refused to connect".
        Assert.False(again.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors *", again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Link_OpenedAfterItExpired_IsRefused()
    {
        var (token, _) = await Tokens.MintAsync(practice.Tenant, RewardsTestData.Staff, patient, CancellationToken.None);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            await db.EmbedTokens.ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAt, DateTimeOffset.UnixEpoch));
        }

        var response = await app.CreateBrowserLikeClient().GetAsync($"{EmbedEndpoints.StartPath}?token={token!.Token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Session_ForOnePatient_DoesNotShowAnotherPatientOrTheirPhoto()
    {
        var other = await app.AddPatientAsync(practice, "Oli", "Other");
        var cookie = await EmbedCookieAsync(patient);

        var page = await WithCookieAsync(cookie, $"/embed/patients/{other}");
        var photo = await WithCookieAsync(cookie, $"/embed/patients/{other}/photo");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"embed-refused\"", html);
        Assert.DoesNotContain("Oli", html);
        Assert.Equal(HttpStatusCode.NotFound, photo.StatusCode);
    }

    [Fact]
    public async Task Session_DoesNotOpenAnyOtherPage()
    {
        var cookie = await EmbedCookieAsync(patient);

        var profile = await WithCookieAsync(cookie, $"/patients/{patient}");
        var api = await WithCookieAsync(cookie, $"/api/v1/patients/{patient}");

        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Contains("/account/login", profile.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Mint_PatientOfAnotherPractice_IsNotFound()
    {
        var stranger = await app.AddPatientAsync(closed, "Sam", "Stranger");

        var response = await pms.PostAsJsonAsync("/api/v1/embed-sessions", new { patientId = stranger });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mint_PracticeListsNoFramingOrigin_IsRefusedWithWhatToDo()
    {
        var own = await app.AddPatientAsync(closed, "Cal", "Closed");
        using var closedPms = await PmsClientAsync(closed);

        var response = await closedPms.PostAsJsonAsync("/api/v1/embed-sessions", new { patientId = own });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("PMS chart tab page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mint_ByPmsPatientId_FindsTheLinkedProfile()
    {
        await app.LinkAsync(practice, practice.ConnectionId, "PMS-77", patient);

        var link = await MintAsync(new { pmsPatientId = "PMS-77", connectionId = practice.ConnectionId });

        Assert.Equal($"/embed/patients/{patient}", (await app.CreateBrowserLikeClient().GetAsync(link)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redeem_TokenAfterThePracticeStoppedFraming_IsRefused()
    {
        var (token, _) = await Tokens.MintAsync(practice.Tenant, RewardsTestData.Staff, patient, CancellationToken.None);
        Assert.Null(await app.Services.GetRequiredService<EmbedFraming>().SaveAsync(practice.Tenant, RewardsTestData.Staff, "", CancellationToken.None));

        Assert.Null(await Tokens.RedeemAsync(token!.Token, CancellationToken.None));
    }

    private async Task<HttpClient> PmsClientAsync(TestPractice target)
    {
        var staff = await app.AddStaffAsync("Kai Keys", (target, PracticeRole.Admin));
        var session = new StaffSession(staff.UserId, staff.DisplayName, target.OrganizationId, target.PracticeId, target.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "PMS chart tab", [ApiScopes.PatientsRead], CancellationToken.None);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        return client;
    }

    private async Task<string> MintAsync(object body)
    {
        var response = await pms.PostAsJsonAsync("/api/v1/embed-sessions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return new Uri(url).PathAndQuery;
    }

    private async Task<string> EmbedCookieAsync(Guid patientId)
    {
        var start = await app.CreateBrowserLikeClient().GetAsync(await MintAsync(new { patientId }));
        return start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EmbedSessions.CookieName + "=", StringComparison.Ordinal));
    }

    // The test server speaks http, where a cookie client would hold back a Secure cookie: sent by hand.
    private async Task<HttpResponseMessage> WithCookieAsync(string setCookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        return await app.CreateBrowserLikeClient().SendAsync(request);
    }
}
