using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Alerts;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Insurance;
using DentalHub.Insurance.ClaimUpdates;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Insurance;

/// <summary>
/// A claim marked sent or received in DentalHub is changed in Open Dental exactly once, only over the status staff saw:
/// over HTTP to the Open Dental API double (whose claims the insurance read serves), the dispatcher on a clock the test drives.
/// </summary>
public abstract class ClaimUpdateWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatNum = OpenDentalWritebackHost.PatNum;
    private const long Waiting = 90;
    private const long Sent = 91;
    private const long Received = 92;

    private OpenDentalWritebackHost? host;
    private DentalHubApp? app;
    private TestPractice practice = default!;
    private Guid patientId;
    private DrivenDispatcher? writeback;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        else if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private PatientClaimUpdates Updates => app!.Services.GetRequiredService<PatientClaimUpdates>();

    /// <summary>The practice, its Open Dental connection with one patient and three claims synced, and claim updates as asked.</summary>
    private async Task<OpenDentalApiTestDouble> StartAsync(bool updateClaims = true)
    {
        host = await OpenDentalWritebackHost.StartAsync(provider, "Claims Dental", od =>
        {
            AddClaim(od, Waiting, "W");
            AddClaim(od, Sent, "S", dateSent: "2026-01-05");
            AddClaim(od, Received, "R", dateSent: "2026-01-05", dateReceived: "2026-01-20");
        }, SyncResources.Claims);
        (app, practice, patientId, writeback) = (host.App, host.Practice, host.PatientId, host.Writeback);
        await TurnOnAsync(updateClaims);
        return host.Api;
    }

    private async Task TurnOnAsync(bool on)
    {
        var settings = app!.Services.GetRequiredService<DentalHub.Payments.WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, CancellationToken.None);
        changed.UpdateClaims = on;
        await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    private static void AddClaim(OpenDentalApiTestDouble od, long claimNum, string status, string dateSent = "0001-01-01", string dateReceived = "0001-01-01") =>
        od.Put("claims", claimNum, new Dictionary<string, object?>
        {
            ["ClaimNum"] = claimNum, ["PatNum"] = PatNum, ["DateService"] = "2026-01-02", ["DateSent"] = dateSent, ["ClaimStatus"] = status,
            ["DateReceived"] = dateReceived, ["PlanNum"] = 7, ["ClaimFee"] = 120.0, ["InsPayEst"] = 96.0, ["InsPayAmt"] = 0.0, ["WriteOff"] = 0.0, ["ClaimType"] = "P",
        });

    private async Task<ClaimUpdate> RequestAsync(long claim, ClaimStatus status, DateOnly? date = null)
    {
        var (added, error) = await Updates.RequestAsync(practice.Tenant, RewardsTestData.Staff, patientId,
            claim.ToString(CultureInfo.InvariantCulture), new ClaimUpdateInput(status, date), CancellationToken.None);
        Assert.Null(error);
        writeback!.CatchUpWithTheApp();
        return added!;
    }

    private async Task<ClaimLine> ClaimAsync(long claim) =>
        (await Updates.ClaimsAsync(practice.Tenant, patientId, 10, CancellationToken.None)).Single(c => c.ClaimPmsId == claim.ToString(CultureInfo.InvariantCulture));

    [SkippableFact]
    public async Task Claim_MarkedSent_WrittenOnceWithItsDayAndTheNextReadShowsIt()
    {
        var od = await StartAsync();

        var update = await RequestAsync(Waiting, ClaimStatus.Sent);
        Assert.Equal((WritebackKinds.ClaimUpdate, WritebackState.Pending), (Assert.Single(await writeback!.CommandsAsync()).Kind, (await writeback.CommandsAsync())[0].State));
        Assert.Equal("Being recorded in Open Dental", (await ClaimAsync(Waiting)).Latest!.State.Text);
        await writeback.RunUntilQuietAsync();

        var day = update.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(("S", day), ((string?)od.ClaimFields(Waiting)!["ClaimStatus"], (string?)od.ClaimFields(Waiting)!["DateSent"]));
        Assert.Equal([(Waiting, day)], od.EtransEntries);
        Assert.Equal(1, od.ClaimWrites.Posts);
        var shown = await ClaimAsync(Waiting);
        Assert.Equal((ClaimStatus.Sent, update.Date, "Recorded in Open Dental"), (shown.Status, shown.SentOn, shown.Latest!.State.Text));
        await host!.SyncAsync(SyncResources.Claims);
        await using var db = app!.Databases.Create(practice.Tenant);
        var read = await db.Claims.SingleAsync(c => c.PmsId == "90");
        Assert.Equal((ClaimStatus.Sent, update.Date), (read.Status, read.SentOn));
    }

    [SkippableFact]
    public async Task Claim_AnswerLostAfterOpenDentalChangedIt_IsFoundByReadingTheClaimWithoutASecondPut()
    {
        var od = await StartAsync();
        od.ClaimWrites.FailNext(PaymentFault.DropAfterCommit);
        await RequestAsync(Sent, ClaimStatus.Received, new DateOnly(2026, 1, 19));

        await writeback!.RunOnceAsync();
        Assert.Equal(WritebackState.Unknown, Assert.Single(await writeback.CommandsAsync()).State);
        writeback.Clock.Advance(TimeSpan.FromMinutes(1));
        await writeback.RunUntilQuietAsync();

        Assert.Equal(1, od.ClaimWrites.Posts);
        Assert.Single(od.ClaimChanges);
        Assert.Equal(("R", "2026-01-19"), ((string?)od.ClaimFields(Sent)!["ClaimStatus"], (string?)od.ClaimFields(Sent)!["DateReceived"]));
        Assert.Contains(od.Requests, r => r.Method == "GET" && r.Path == "/api/v1/claims/91");
        var command = Assert.Single(await writeback.CommandsAsync());
        Assert.Equal((WritebackState.Confirmed, "91"), (command.State, command.TargetId));
    }

    [SkippableTheory]
    [InlineData(PaymentFault.Status500AfterCommit, 1)]
    [InlineData(PaymentFault.Status500BeforeCommit, 2)]
    [InlineData(PaymentFault.Status429, 2)]
    public async Task Claim_AfterOneFault_IsChangedInOpenDentalExactlyOnce(PaymentFault fault, int puts)
    {
        var od = await StartAsync();
        od.ClaimWrites.FailNext(fault);
        await RequestAsync(Waiting, ClaimStatus.OnHold);

        await writeback!.RunUntilQuietAsync();

        Assert.Equal(Waiting, Assert.Single(od.ClaimChanges).ClaimNum);
        Assert.Equal("H", (string?)od.ClaimFields(Waiting)!["ClaimStatus"]);
        Assert.Equal(puts, od.ClaimWrites.Posts);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await writeback.CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task Claim_ChangedInOpenDentalSinceStaffSawIt_NotRecordedWithTheReasonAndOneAlertLinkingTheProfile()
    {
        var od = await StartAsync();
        AddClaim(od, Waiting, "H");
        await RequestAsync(Waiting, ClaimStatus.Sent);

        await writeback!.RunUntilQuietAsync();

        Assert.Empty(od.ClaimChanges);
        Assert.Equal("H", (string?)od.ClaimFields(Waiting)!["ClaimStatus"]);
        var state = (await ClaimAsync(Waiting)).Latest!.State;
        Assert.Equal(PmsLogDisplay.NotLogged, state.State);
        Assert.StartsWith("Not recorded: The claim is now on hold in Open Dental, not waiting to send as when this change was asked for.", state.Text);
        await using var check = app!.Databases.Create(practice.Tenant);
        var alert = await check.Alerts.SingleAsync();
        Assert.Equal((AlertKinds.ClaimNotUpdated, $"/patients/{patientId}#claims"), (alert.Kind, alert.Link));
        Assert.DoesNotContain("nora", alert.Text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Claim_KeysRefused_WaitsOnTheConnectionAndChangesNothing()
    {
        var od = await StartAsync();
        od.ClaimWrites.FailNext(PaymentFault.Status401);
        await RequestAsync(Waiting, ClaimStatus.Sent);

        await writeback!.RunOnceAsync();

        Assert.Empty(od.ClaimChanges);
        Assert.Equal(WritebackState.Pending, Assert.Single(await writeback.CommandsAsync()).State);
        await using var check = app!.Databases.Create(practice.Tenant);
        Assert.Equal(AlertKinds.ConnectionNeedsAttention, (await check.Alerts.SingleAsync()).Kind);
    }

    [SkippableFact]
    public async Task Claim_Received_NoUpdateOfferedAndARequestIsRefused()
    {
        await StartAsync();

        var (added, error) = await Updates.RequestAsync(practice.Tenant, RewardsTestData.Staff, patientId, "92", new ClaimUpdateInput(ClaimStatus.Waiting, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal("A received claim is changed in Open Dental, where its insurance payment is entered.", error);
        Assert.Equal(error, (await ClaimAsync(Received)).NotPossible);
        Assert.Null((await ClaimAsync(Waiting)).NotPossible);
        Assert.Empty(await writeback!.CommandsAsync());
    }

    [SkippableFact]
    public async Task Claim_WritebackOff_NotRecordedAndSaysWhereToTurnItOn()
    {
        var od = await StartAsync(updateClaims: false);

        var (added, error) = await Updates.RequestAsync(practice.Tenant, RewardsTestData.Staff, patientId, "90", new ClaimUpdateInput(ClaimStatus.Sent, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(PatientClaimUpdates.WritebackOff, error);
        Assert.Empty(await writeback!.CommandsAsync());
        Assert.Equal(0, od.ClaimWrites.Posts);
    }

    [SkippableFact]
    public async Task Claim_ThroughAPmsWithoutClaimUpdates_SaysSoInsteadOfOfferingTheAction()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        practice = await app.AddPracticeAsync("Scripted Dental");
        writeback = new DrivenDispatcher(app, practice);
        var pms = new ScriptedPms();
        pms.Claims.Upsert(new PmsClaim("C1", "S1", "P1", PmsClaimStatus.Waiting, "Primary", new DateOnly(2026, 1, 2), null, null, 120m, 96m, 0m, 0m));
        var connectionId = await app.ConnectAsync(practice, pms);
        patientId = await app.AddPatientAsync(practice, "Sam", "Scripted");
        await app.LinkAsync(practice, connectionId, "S1", patientId);
        var sync = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Claims, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
        await TurnOnAsync(true);
        var key = await app.ApiClientAsync(practice, "billing", ApiScopes.ClaimsWrite);

        var claim = Assert.Single(await Updates.ClaimsAsync(practice.Tenant, patientId, 10, CancellationToken.None));
        var response = await key.PostAsJsonAsync($"/api/v1/patients/{patientId}/claims/C1/status", new { status = "sent" });

        Assert.Equal("Claim updates are not possible through the test PMS.", claim.NotPossible);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Claim updates are not possible through the test PMS.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await writeback.CommandsAsync());
    }

    [SkippableFact]
    public async Task Api_PostWithTheClaimsScope_QueuesOneUpdateAndTheInsuranceReadScopeSeesItRecorded()
    {
        var od = await StartAsync();
        var writer = await app!.ApiClientAsync(practice, "billing", ApiScopes.ClaimsWrite);
        var reader = await app!.ApiClientAsync(practice, "reports", ApiScopes.InsuranceRead);

        var response = await writer.PostAsJsonAsync($"/api/v1/patients/{patientId}/claims/91/status", new { status = "received", date = "2026-01-19" });
        var refused = await reader.PostAsJsonAsync($"/api/v1/patients/{patientId}/claims/90/status", new { status = "sent" });
        var unknown = await writer.PostAsJsonAsync($"/api/v1/patients/{patientId}/claims/4040/status", new { status = "sent" });
        var badStatus = await writer.PostAsJsonAsync($"/api/v1/patients/{patientId}/claims/90/status", new { status = "paid" });
        writeback!.CatchUpWithTheApp();
        await writeback.RunUntilQuietAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (refused.StatusCode, unknown.StatusCode, badStatus.StatusCode));
        Assert.Equal("R", (string?)od.ClaimFields(Sent)!["ClaimStatus"]);
        var listed = Assert.Single(await reader.ReadAsync<List<ClaimUpdateDto>>($"/api/v1/patients/{patientId}/claim-updates"));
        Assert.Equal(("91", "sent", "received", new DateOnly(2026, 1, 19), "recorded", "Recorded in Open Dental"),
            (listed.ClaimId, listed.Was, listed.Status, listed.Date, listed.State, listed.StateText));
    }
}

public sealed class ClaimUpdateWritebackOnSqlite() : ClaimUpdateWritebackSuite(DatabaseProvider.Sqlite);

public sealed class ClaimUpdateWritebackOnPostgres() : ClaimUpdateWritebackSuite(DatabaseProvider.Postgres);
