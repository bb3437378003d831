using System.Net;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Rewards;

/// <summary>Staff open the hub from the PMS (topsOrtho and Orthotrac style URLs).</summary>
public sealed class LaunchingFromThePms : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private Guid connectionId;
    private Browser browser = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Launch Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private static string Url(string pmsId, string first = "Ann", string last = "Able", string birth = "1990-05-17", string path = "/launch") =>
        $"{path}?pms={ScriptedPms.Key}&patientId={pmsId}&firstName={first}&lastName={last}&birthDate={birth}&email=ann%40example.com";

    [Fact]
    public async Task Launch_NotSignedIn_GoesToSignInAndComesBack()
    {
        var anonymous = new Browser(app.CreateBrowserLikeClient());
        var response = await anonymous.Client.GetAsync(Url("P1"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Flaunch%3Fpms%3D", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task Launch_LinkedPatient_OpensTheProfile()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        await app.LinkAsync(practice, connectionId, "P1", patient);
        var response = await browser.Client.GetAsync(Url("P1"));
        Assert.Equal($"/patients/{patient}", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Launch_UnlinkedWithOneMatch_LinksAndOpensIt()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        var response = await browser.Client.GetAsync(Url("P2", first: "ANN", last: "able"));
        Assert.Equal($"/patients/{patient}", response.Headers.Location?.AbsolutePath);
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal(patient, (await db.PatientLinks.SingleAsync(l => l.PmsId == "P2")).PatientId);
    }

    [Fact]
    public async Task Launch_NoMatch_CreatesPrefilledProfileAndOpensIt()
    {
        var response = await browser.Client.GetAsync(Url("P3", first: "Nia", last: "New", birth: "04/02/2012"));
        await using var db = app.Databases.Create(practice.Tenant);
        var created = await db.Patients.SingleAsync(p => p.LastName == "New");
        Assert.Equal($"/patients/{created.Id}", response.Headers.Location?.AbsolutePath);
        Assert.Equal((new DateOnly(2012, 4, 2), "ann@example.com"), (created.BirthDate, created.Email));
        Assert.True(await db.PatientLinks.AnyAsync(l => l.PmsId == "P3" && l.PatientId == created.Id && l.ConnectionId == connectionId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == RewardAuditActions.ProfileLaunched && a.PatientId == created.Id));
    }

    [Fact]
    public async Task Launch_LinkedButDataDiffers_ShowsTheDifferencesAndChangesNothing()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        await app.LinkAsync(practice, connectionId, "P4", patient);
        var page = await browser.GetPageAsync(Url("P4", last: "Abel", birth: "1990-05-18"));
        Assert.Contains("The hub and the test PMS disagree", page);
        Assert.Contains("<td>Last name</td><td>Able</td><td>Abel</td>", page);
        Assert.Contains("<td>Date of birth</td><td>1990-05-17</td><td>1990-05-18</td>", page);
        Assert.DoesNotContain("<td>First name</td>", page);
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal("Able", (await db.Patients.SingleAsync(p => p.Id == patient)).LastName);
    }

    [Fact]
    public async Task Launch_FromAnotherSite_AsksBeforeCreating()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url("P5", last: "Crosssite"));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Create the profile", await response.Content.ReadAsStringAsync());
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.False(await db.Patients.AnyAsync(p => p.LastName == "Crosssite"));
    }

    [Fact]
    public async Task Open_UnlinkedPatient_SaysNotLinkedYetAndHow()
    {
        var page = await browser.GetPageAsync($"/launch/open?pms={ScriptedPms.Key}&patientId=P6");
        Assert.Contains("not linked to a hub profile yet", page);
    }

    [Fact]
    public async Task SetCard_Get_ChangesNothingUntilTheFormIsPosted()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        await app.LinkAsync(practice, connectionId, "P7", patient);
        var url = $"/launch/set-card?pms={ScriptedPms.Key}&patientId=P7&card=4000300020001000";
        var cards = app.Services.GetRequiredService<CardService>();

        await browser.GetPageAsync(url);
        Assert.Empty(await cards.HistoryAsync(practice.Tenant, patient, CancellationToken.None));

        var posted = await browser.PostFormAsync(url, url, new() { ["_handler"] = "set-card" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("4000300020001000", Assert.Single(await cards.HistoryAsync(practice.Tenant, patient, CancellationToken.None)).Number);
    }

    [Fact]
    public async Task SetCard_PostWithoutAntiforgeryToken_IsRefused()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        await app.LinkAsync(practice, connectionId, "P8", patient);
        var url = $"/launch/set-card?pms={ScriptedPms.Key}&patientId=P8&card=4000300020002000";
        var posted = await browser.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "set-card" }));
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.Empty(await app.Services.GetRequiredService<CardService>().HistoryAsync(practice.Tenant, patient, CancellationToken.None));
    }

    [Fact]
    public async Task SetCard_UnlinkedPatientWithAKnownCard_LinksToTheCardHolder()
    {
        var patient = await app.AddPatientAsync(practice, "Ann", "Able");
        Assert.True((await app.Services.GetRequiredService<CardService>().ConnectAsync(practice.Tenant, RewardsTestData.Staff, patient, "4000300020003000", CancellationToken.None)).Succeeded);
        var url = $"/launch/set-card?pms={ScriptedPms.Key}&patientId=P9&card=4000300020003000";
        await browser.PostFormAsync(url, url, new() { ["_handler"] = "set-card" });
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal(patient, (await db.PatientLinks.SingleAsync(l => l.PmsId == "P9")).PatientId);
    }
}
