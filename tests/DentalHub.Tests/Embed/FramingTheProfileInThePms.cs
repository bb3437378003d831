using System.Net;
using DentalHub.Auth;
using DentalHub.Embed;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Embed;

/// <summary>The compact profile may be framed only from the origins an Admin lists for the patient's practice.</summary>
public sealed class FramingTheProfileInThePms : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice listed = default!;
    private TestPractice unlisted = default!;
    private Browser browser = default!;

    public async Task InitializeAsync()
    {
        listed = await app.AddPracticeAsync("Framed Dental");
        unlisted = await app.AddPracticeAsync("Closed Dental", listed.OrganizationId);
        browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Fran Front", (listed, PracticeRole.Rewards)));
        Assert.Null(await Framing.SaveAsync(listed.Tenant, RewardsTestData.Staff, "https://pms.example.com\nhttps://chart.example.org:8443/", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private EmbedFraming Framing => app.Services.GetRequiredService<EmbedFraming>();

    [Fact]
    public async Task EmbedRoute_PracticeListsOrigins_AllowsThoseOriginsOnly()
    {
        var patient = await app.AddPatientAsync(listed, "Ann", "Able");

        var response = await browser.Client.GetAsync($"/embed/patients/{patient}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors https://pms.example.com https://chart.example.org:8443", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"embed-layout\"", page);
        Assert.DoesNotContain("dh-appbar", page);
    }

    [Fact]
    public async Task OtherPages_PracticeListsOrigins_StillFrameNone()
    {
        var patient = await app.AddPatientAsync(listed, "Ann", "Able");

        var response = await browser.Client.GetAsync($"/patients/{patient}");

        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task EmbedRoute_PracticeListsNoOrigins_FramesNone()
    {
        var patient = await app.AddPatientAsync(unlisted, "Bob", "Baker");

        var response = await browser.Client.GetAsync($"/embed/patients/{patient}");

        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("http://pms.example.com")]
    [InlineData("https://pms.example.com/chart")]
    [InlineData("https://*.example.com")]
    [InlineData("'self'")]
    [InlineData("https://pms.example.com?x=1")]
    [InlineData("https://user@pms.example.com")]
    public async Task SaveOrigins_NotAnHttpsOrigin_IsRefusedAndListKept(string entry)
    {
        Assert.NotNull(await Framing.SaveAsync(listed.Tenant, RewardsTestData.Staff, entry, CancellationToken.None));

        Assert.Equal(["https://pms.example.com", "https://chart.example.org:8443"], await Framing.OriginsAsync(listed.Tenant, CancellationToken.None));
    }
}
