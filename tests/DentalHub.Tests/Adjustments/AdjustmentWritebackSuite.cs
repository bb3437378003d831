using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Adjustments;
using DentalHub.Alerts;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Adjustments;

/// <summary>
/// An adjustment entered in DentalHub is posted to the patient's account in Open Dental exactly once: over HTTP to the
/// Open Dental API double, the dispatcher on a clock the test drives.
/// </summary>
public abstract class AdjustmentWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatNum = OpenDentalWritebackHost.PatNum;
    private const string Discount = "294";

    private OpenDentalWritebackHost? host;
    private DentalHubApp? app;
    private TestPractice practice = default!;
    private Guid patientId;
    private Guid connectionId;
    private DrivenDispatcher? writeback;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private PatientAdjustments Adjustments => app!.Services.GetRequiredService<PatientAdjustments>();

    /// <summary>The practice, its Open Dental connection with one synced patient, and adjustment writeback as asked.</summary>
    private async Task<OpenDentalApiTestDouble> StartAsync(bool writeAdjustments = true)
    {
        host = await OpenDentalWritebackHost.StartAsync(provider, "Adjustment Dental");
        (app, practice, patientId, connectionId, writeback) = (host.App, host.Practice, host.PatientId, host.ConnectionId, host.Writeback);
        await host.SetWritebackAsync(s => { s.WriteAdjustments = writeAdjustments; s.DiscountAdjustmentType = Discount; });
        return host.Api;
    }

    private async Task<PatientAdjustment> AddAsync(decimal amount = 25m, AdjustmentEffect effect = AdjustmentEffect.Credit, string? type = null)
    {
        var (added, error) = await Adjustments.AddAsync(practice.Tenant, RewardsTestData.Staff, patientId,
            new AdjustmentInput(amount, effect, type, null, "Membership discount"), CancellationToken.None);
        Assert.Null(error);
        CatchUpWithTheApp();
        return added!;
    }

    private void CatchUpWithTheApp() => writeback!.CatchUpWithTheApp();

    private Task RunUntilQuietAsync() => writeback!.RunUntilQuietAsync();

    private Task<List<WritebackCommand>> CommandsAsync() => writeback!.CommandsAsync();

    // The command's id is what the page's buttons act on; the state and words are what staff read.
    private async Task<PmsLogState> StateAsync() => (await StuckOrNotAsync()) with { CommandId = null };

    private async Task<PmsLogState> StuckOrNotAsync() =>
        Assert.Single(await Adjustments.ListAsync(practice.Tenant, patientId, 10, CancellationToken.None)).State;

    [SkippableFact]
    public async Task Discount_WritebackOn_IsPostedOnceAsANegativeAdjustmentOfTheDefaultType()
    {
        var od = await StartAsync();

        await AddAsync();
        var queued = Assert.Single(await CommandsAsync());
        Assert.Equal((WritebackKinds.Adjustment, WritebackState.Pending), (queued.Kind, queued.State));
        Assert.Equal(new PmsLogState(PmsLogDisplay.BeingLogged, "Being recorded in Open Dental"), await StateAsync());
        await RunUntilQuietAsync();

        var posted = Assert.Single(od.AdjustmentsPosted);
        Assert.Equal((PatNum, 294L, -25m), (posted.PatNum, posted.AdjType, posted.AdjAmt));
        Assert.Equal($"[DentalHub ref {queued.Reference}] Membership discount (entered in DentalHub by Rae Rewards)", posted.AdjNote);
        Assert.Equal(1, od.AdjustmentWrites.Posts);
        Assert.Equal(posted.AdjNum.ToString(CultureInfo.InvariantCulture), Assert.Single(await CommandsAsync()).TargetId);
        Assert.Equal(new PmsLogState(PmsLogDisplay.Logged, "Recorded in Open Dental"), await StateAsync());
    }

    [SkippableFact]
    public async Task Adjustment_AnswerLostAfterOpenDentalKeptIt_IsFoundByReadingBackWithoutASecondPost()
    {
        var od = await StartAsync();
        od.AdjustmentWrites.FailNext(PaymentFault.DropAfterCommit);
        await AddAsync();

        await writeback!.RunOnceAsync();
        Assert.Equal(WritebackState.Unknown, Assert.Single(await CommandsAsync()).State);
        writeback!.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunUntilQuietAsync();

        var posted = Assert.Single(od.AdjustmentsPosted);
        Assert.Equal(1, od.AdjustmentWrites.Posts);
        Assert.Contains(od.Requests, r => r.Method == "GET" && r.Path == "/api/v1/adjustments" && r.Query["PatNum"] == "11");
        Assert.Equal(posted.AdjNum.ToString(CultureInfo.InvariantCulture), Assert.Single(await CommandsAsync()).TargetId);
        Assert.Equal(PmsLogDisplay.Logged, (await StateAsync()).State);
    }

    [SkippableTheory]
    [InlineData(PaymentFault.Status500AfterCommit, 1)]
    [InlineData(PaymentFault.Status500BeforeCommit, 2)]
    [InlineData(PaymentFault.DropBeforeCommit, 2)]
    [InlineData(PaymentFault.Status429, 2)]
    public async Task Adjustment_AfterOneFault_IsInOpenDentalExactlyOnce(PaymentFault fault, int posts)
    {
        var od = await StartAsync();
        od.AdjustmentWrites.FailNext(fault);
        await AddAsync();

        await RunUntilQuietAsync();

        Assert.Single(od.AdjustmentsPosted);
        Assert.Equal(posts, od.AdjustmentWrites.Posts);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task Adjustment_WritebackOff_IsNotRecordedAndSaysWhereToTurnItOn()
    {
        var od = await StartAsync(writeAdjustments: false);

        var (added, error) = await Adjustments.AddAsync(practice.Tenant, RewardsTestData.Staff, patientId,
            new AdjustmentInput(25m, AdjustmentEffect.Credit, null, null, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(PatientAdjustments.WritebackOff, error);
        Assert.Empty(await CommandsAsync());
        Assert.False((await Adjustments.FormAsync(practice.Tenant, patientId, CancellationToken.None)).WritebackOn);
        Assert.Equal(0, od.AdjustmentWrites.Posts);
    }

    [SkippableFact]
    public async Task Adjustment_CreditWithADebitType_IsRefusedBeforeItIsQueued()
    {
        await StartAsync();

        var (added, error) = await Adjustments.AddAsync(practice.Tenant, RewardsTestData.Staff, patientId,
            new AdjustmentInput(25m, AdjustmentEffect.Credit, "295", null, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal("\"Patient Refund\" is a debit type in Open Dental; choose a credit type.", error);
        Assert.Empty(await CommandsAsync());
    }

    [SkippableFact]
    public async Task Adjustment_OpenDentalRefusesIt_NotRecordedWithOpenDentalsReasonAndOneAlertLinkingTheProfile()
    {
        var od = await StartAsync();
        var gone = await app!.AddPatientAsync(practice, "Gia", "Gone");
        await app!.LinkAsync(practice, connectionId, "777", gone);
        patientId = gone;
        await AddAsync();

        await RunUntilQuietAsync();

        Assert.Empty(od.AdjustmentsPosted);
        Assert.Equal(new PmsLogState(PmsLogDisplay.NotLogged, "Not recorded: Open Dental refused the adjustment: Patient not found."), await StateAsync());
        Assert.True((await StuckOrNotAsync()).Stuck);
        await using var check = app!.Databases.Create(practice.Tenant);
        var alert = await check.Alerts.SingleAsync();
        Assert.Equal(AlertKinds.AdjustmentNotRecorded, alert.Kind);
        Assert.Equal($"/patients/{gone}", alert.Link);
        Assert.DoesNotContain("gia", alert.Text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Api_PostWithTheWriteScope_QueuesOneAdjustmentAndTheReadScopeSeesItRecorded()
    {
        var od = await StartAsync();
        var writer = await app!.ApiClientAsync(practice, "billing", ApiScopes.AdjustmentsWrite);
        var reader = await app!.ApiClientAsync(practice, "reports", ApiScopes.AdjustmentsRead);

        var response = await writer.PostAsJsonAsync($"/api/v1/patients/{patientId}/adjustments", new { amount = 40m, effect = "debit", typeId = "295", note = "Refund of overpayment" });
        var refused = await reader.PostAsJsonAsync($"/api/v1/patients/{patientId}/adjustments", new { amount = 40m, effect = "debit", typeId = "295" });
        CatchUpWithTheApp();
        await RunUntilQuietAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(40m, Assert.Single(od.AdjustmentsPosted).AdjAmt);
        var listed = Assert.Single(await reader.ReadAsync<List<AdjustmentDto>>($"/api/v1/patients/{patientId}/adjustments"));
        Assert.Equal((40m, "debit", "Patient Refund", "recorded", "Recorded in Open Dental"), (listed.Amount, listed.Effect, listed.Type, listed.State, listed.StateText));
    }

    [SkippableFact]
    public async Task Api_WritebackOff_AnswersConflictAndQueuesNothing()
    {
        await StartAsync(writeAdjustments: false);
        var writer = await app!.ApiClientAsync(practice, "billing", ApiScopes.AdjustmentsWrite);

        var response = await writer.PostAsJsonAsync($"/api/v1/patients/{patientId}/adjustments", new { amount = 10m, effect = "credit" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("writeback is off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommandsAsync());
    }
}

public sealed class AdjustmentWritebackOnSqlite() : AdjustmentWritebackSuite(DatabaseProvider.Sqlite);

public sealed class AdjustmentWritebackOnPostgres() : AdjustmentWritebackSuite(DatabaseProvider.Postgres);
