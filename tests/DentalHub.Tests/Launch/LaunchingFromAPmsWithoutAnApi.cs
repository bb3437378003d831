using System.Net;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.Launched;
using DentalHub.Launch;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Launch;

/// <summary>
/// A practice on a PMS without an API (topsOrtho, Orthotrac, "another system"): its connection reads and writes nothing,
/// and the PMS opens DentalHub through the launch URLs, which create, link, keep current and connect set cards.
/// </summary>
public sealed class LaunchingFromAPmsWithoutAnApi : IAsyncLifetime
{
    private const string Card = "4000500060007000";

    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private Browser browser = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Launch Only Ortho");
        browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private async Task<Guid> ConnectAsync(string key, Dictionary<string, string>? values = null)
    {
        var created = await app.Services.GetRequiredService<ConnectionService>().CreateAsync(practice.Tenant, AuditActor.System,
            new ConnectionInput(key, "Front desk", values ?? [], new Dictionary<string, string>()), CancellationToken.None);
        return created.Id;
    }

    private static string Url(string pms, string pmsId, string query = "", string path = "/launch") =>
        $"{path}?pms={pms}&patientId={pmsId}&firstName=Tia&lastName=Tops&birthDate=2012-03-04{query}";

    [Fact]
    public async Task Launch_NewPatientThenAgain_CreatesOnceAndOpensTheSameProfile()
    {
        var connection = await ConnectAsync(LaunchedPms.TopsOrtho.Key);
        var first = await browser.Client.GetAsync(Url("topsortho", "T-1", "&email=tia%40example.com&cellPhone=555-010-1111&accountHolderId=T-0"));
        var second = await browser.Client.GetAsync(Url("topsortho", "T-1", "&email=tia%40example.com&cellPhone=555-010-1111&accountHolderId=T-0"));

        await using var db = app.Databases.Create(practice.Tenant);
        var created = await db.Patients.SingleAsync(p => p.LastName == "Tops");
        Assert.Equal($"/patients/{created.Id}", first.Headers.Location?.AbsolutePath);
        Assert.Equal($"/patients/{created.Id}", second.Headers.Location?.AbsolutePath);
        Assert.Equal(("tia@example.com", "555-010-1111"), (created.Email, created.MobilePhone));
        var link = await db.PatientLinks.SingleAsync(l => l.PatientId == created.Id);
        Assert.Equal((connection, "T-1", "T-0"), (link.ConnectionId, link.PmsId, link.GuarantorPmsId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == RewardAuditActions.ProfileUpdatedAtLaunch));
    }

    [Fact]
    public async Task Launch_LinkedWithChangedContactDetails_UpdatesThemAndAuditsOnlyTheirNames()
    {
        await ConnectAsync(LaunchedPms.TopsOrtho.Key);
        await browser.Client.GetAsync(Url("topsortho", "T-2", "&email=tia%40example.com&homePhone=555-010-2222&accountHolderId=T-0"));

        var again = await browser.Client.GetAsync(Url("topsortho", "T-2", "&cellPhone=555-010-3333&homePhone=555-010-4444&accountHolderId=T-9").Replace("firstName=Tia", "firstName=TIA"));

        await using var db = app.Databases.Create(practice.Tenant);
        var patient = await db.Patients.SingleAsync(p => p.LastName == "Tops");
        Assert.Equal($"/patients/{patient.Id}", again.Headers.Location?.AbsolutePath);
        // A launch without an e-mail keeps the one the profile has.
        Assert.Equal(("TIA", "tia@example.com", "555-010-4444", "555-010-3333"), (patient.FirstName, patient.Email, patient.HomePhone, patient.MobilePhone));
        Assert.Equal("T-9", (await db.PatientLinks.SingleAsync(l => l.PatientId == patient.Id)).GuarantorPmsId);
        Assert.Equal(["5550103333", "5550104444"], (await db.PatientPhones.Where(p => p.PatientId == patient.Id).Select(p => p.Digits).ToListAsync()).Order());
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == RewardAuditActions.ProfileUpdatedAtLaunch);
        Assert.Equal((patient.Id, "Updated from topsOrtho at launch: first name, home phone, mobile phone, account holder"), (entry.PatientId, entry.Subject));
    }

    [Fact]
    public async Task Launch_SyncedConnectionWithChangedEmail_LeavesTheProfileToSync()
    {
        var connection = await app.ConnectAsync(practice, new ScriptedPms());
        var patient = await app.AddPatientAsync(practice, "Tia", "Tops", new DateOnly(2012, 3, 4));
        await app.LinkAsync(practice, connection, "S-1", patient);

        var response = await browser.Client.GetAsync(Url(ScriptedPms.Key, "S-1", "&email=new%40example.com"));

        Assert.Equal($"/patients/{patient}", response.Headers.Location?.AbsolutePath);
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Null((await db.Patients.SingleAsync(p => p.Id == patient)).Email);
    }

    [Fact]
    public async Task Launch_LinkedWithAnotherBirthdate_StopsThenTakesThePmsDataWhenAsked()
    {
        await ConnectAsync(LaunchedPms.Orthotrac.Key);
        await browser.Client.GetAsync(Url("orthotrac", "O-1"));
        var url = Url("orthotrac", "O-1").Replace("2012-03-04", "2012-04-03");

        var page = await browser.GetPageAsync(url);
        Assert.Contains("The hub and Orthotrac disagree", page);
        Assert.Contains("<td>Date of birth</td><td>2012-03-04</td><td>2012-04-03</td>", page);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            Assert.Equal(new DateOnly(2012, 3, 4), (await db.Patients.SingleAsync()).BirthDate);
        }

        var taken = await browser.PostFormAsync(url, url, new() { ["_handler"] = "launch-take" });
        await using var after = app.Databases.Create(practice.Tenant);
        var patient = await after.Patients.SingleAsync();
        Assert.Equal($"/patients/{patient.Id}", taken.Headers.Location?.AbsolutePath);
        Assert.Equal((new DateOnly(2012, 4, 3), MatchKeys.For("Tia", "Tops", new DateOnly(2012, 4, 3))), (patient.BirthDate, patient.MatchKey));
        Assert.Equal("Updated from Orthotrac at launch: birthdate", (await after.AuditEntries.SingleAsync(a => a.Action == RewardAuditActions.ProfileUpdatedAtLaunch)).Subject);
    }

    [Fact]
    public async Task Launch_AnotherSystem_NamesTheSystemTypedIn()
    {
        await ConnectAsync(LaunchedPmsConnector.OtherKey, new() { [LaunchedPmsConnector.SystemNameField] = "Ortho2000" });
        await browser.Client.GetAsync(Url(LaunchedPmsConnector.OtherKey, "X-1"));

        var page = await browser.GetPageAsync(Url(LaunchedPmsConnector.OtherKey, "X-1").Replace("lastName=Tops", "lastName=Topps"));

        Assert.Contains("The hub and Ortho2000 disagree", page);
        Assert.Contains("Take Ortho2000&#x27;s name and birthdate", page);
    }

    [Fact]
    public async Task Check_LaunchOnlyConnection_SaysItReadsAndWritesNothing()
    {
        var connection = await ConnectAsync(LaunchedPms.TopsOrtho.Key);

        var check = await app.Services.GetRequiredService<ConnectionService>().CheckAsync(practice.Tenant, AuditActor.System, connection, CancellationToken.None);

        Assert.True(check!.Succeeded);
        Assert.StartsWith("Nothing to test from here: DentalHub reads nothing from topsOrtho and writes nothing to it.", check.Message);
    }

    [Fact]
    public async Task SetCard_NewPatientThenLaunch_CreatesTheProfileWithTheCard()
    {
        await ConnectAsync(LaunchedPms.Orthotrac.Key);
        var setCard = $"/launch/set-card?pms=orthotrac&patientId=O-7&card={Card}";

        var set = WebUtility.HtmlDecode(await (await browser.PostFormAsync(setCard, setCard, new() { ["_handler"] = "set-card" })).Content.ReadAsStringAsync());
        Assert.Contains("Card …7000 waits for this patient: open the patient from Orthotrac (Launch) by", set);
        var waiting = WebUtility.HtmlDecode(await browser.GetPageAsync("/launch/waiting-cards"));
        Assert.Contains("O-7", waiting);
        Assert.Contains("…7000", waiting);

        var launched = await browser.Client.GetAsync(Url("orthotrac", "O-7"));

        await using var db = app.Databases.Create(practice.Tenant);
        var patient = await db.Patients.SingleAsync();
        Assert.Equal($"/patients/{patient.Id}", launched.Headers.Location?.AbsolutePath);
        Assert.Equal(Card, (await db.RewardCards.SingleAsync(c => c.ActiveForPatientId == patient.Id)).Number);
        Assert.False(await db.WaitingCards.AnyAsync());
        Assert.DoesNotContain("O-7", await browser.GetPageAsync("/launch/waiting-cards"));
    }

    [Fact]
    public async Task SetCard_CardOnAProfileLinkedToAnotherPatient_IsRefused()
    {
        await ConnectAsync(LaunchedPms.Orthotrac.Key);
        await browser.Client.GetAsync(Url("orthotrac", "O-8"));
        var holder = await QuerySinglePatientAsync();
        Assert.True((await app.Services.GetRequiredService<CardService>().ConnectAsync(practice.Tenant, RewardsTestData.Staff, holder, Card, CancellationToken.None)).Succeeded);
        var setCard = $"/launch/set-card?pms=orthotrac&patientId=O-9&card={Card}";

        var page = await (await browser.PostFormAsync(setCard, setCard, new() { ["_handler"] = "set-card" })).Content.ReadAsStringAsync();

        Assert.Contains("This card belongs to a profile that is already linked to another patient of Orthotrac.", page);
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.False(await db.PatientLinks.AnyAsync(l => l.PmsId == "O-9"));
        Assert.False(await db.WaitingCards.AnyAsync());
    }

    [Fact]
    public async Task SetCard_SameCardForASecondPatient_TheLatestWaits()
    {
        await ConnectAsync(LaunchedPms.Orthotrac.Key);
        foreach (var pmsId in new[] { "O-10", "O-11" })
        {
            var setCard = $"/launch/set-card?pms=orthotrac&patientId={pmsId}&card={Card}";
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(setCard, setCard, new() { ["_handler"] = "set-card" })).StatusCode);
        }

        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Equal("O-11", (await db.WaitingCards.SingleAsync()).PmsId);
    }

    [Fact]
    public async Task Launch_WaitingCardExpired_CreatesTheProfileAndSaysTheCardWasNotConnected()
    {
        var connection = await ConnectAsync(LaunchedPms.Orthotrac.Key);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var longAgo = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-8);
            db.WaitingCards.Add(new WaitingCard
            {
                PracticeId = practice.PracticeId, ConnectionId = connection, PmsId = "O-12", Number = Card, SetBy = "Rae Rewards",
                SetAt = longAgo, ExpiresAt = longAgo + WaitingCard.Lifetime,
            });
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain("O-12", await browser.GetPageAsync("/launch/waiting-cards"));

        var page = await browser.GetPageAsync(Url("orthotrac", "O-12"));

        Assert.Contains("The card set from Orthotrac for this patient waited longer than 7 days, so it was not connected.", page);
        await using var after = app.Databases.Create(practice.Tenant);
        Assert.Single(await after.Patients.ToListAsync());
        Assert.False(await after.RewardCards.AnyAsync());
    }

    private async Task<Guid> QuerySinglePatientAsync()
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.Patients.Select(p => p.Id).SingleAsync();
    }
}
