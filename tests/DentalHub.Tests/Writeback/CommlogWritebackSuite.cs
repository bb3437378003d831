using DentalHub.Alerts;
using DentalHub.Data;
using DentalHub.Messages;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.TestDoubles.Smtp;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// An e-mail sent to a patient is filed on the patient's chart in Open Dental as a commlog, exactly once: over HTTP
/// to the Open Dental API double, the mail to a real SMTP server, the dispatcher on a clock the test drives.
/// </summary>
public abstract class CommlogWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatNum = 11;

    private DentalHubApp? app;
    private OpenDentalApiTestDouble? api;
    private AiosmtpdReceiver? smtp;
    private TestPractice practice = default!;
    private Guid templateId;
    private Guid patientId;
    private Guid connectionId;
    private DrivenDispatcher? writeback;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
        if (api is not null)
        {
            await api.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    /// <summary>The practice, its Open Dental connection with one synced patient, and (unless <paramref name="mail"/> is false) a mail server.</summary>
    private async Task<(DentalHubApp App, OpenDentalApiTestDouble Api)> StartAsync(bool logMessages = true, bool mail = true)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        Skip.If(mail && AiosmtpdReceiver.Python is null, AiosmtpdReceiver.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([new DoublePatient(PatNum, "Nora", "Quinn", api.OfficeNow.AddMinutes(-5), Birthdate: "1984-03-02", Email: "nora@example.com")]);
        practice = await app.AddPracticeAsync("Commlog Dental");
        writeback = new DrivenDispatcher(app, practice);
        connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        var sync = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
        if (mail)
        {
            smtp = await AiosmtpdReceiver.StartAsync();
            Assert.Null(await app.Services.GetRequiredService<SmtpSettingsService>().SaveAsync(practice.Tenant, RewardsTestData.Staff,
                new SmtpSettingsInput("127.0.0.1", smtp.Port, SmtpTlsMode.StartTlsWhenAvailable, null, null, "front-desk@commlog.test", "Commlog Dental"), CancellationToken.None));
            var templates = app.Services.GetRequiredService<MessageTemplates>();
            Assert.Null(await templates.SaveAsync(practice.Tenant, RewardsTestData.Staff, null, "Recall", "Time for your cleaning, {FirstName}", "<p>Call us.</p>", CancellationToken.None));
            templateId = (await templates.ListAsync(practice.Tenant, CancellationToken.None)).Single().Id;
        }
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            patientId = await db.Patients.Select(p => p.Id).SingleAsync();
        }
        var settings = app.Services.GetRequiredService<DentalHub.Payments.WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, CancellationToken.None);
        changed.LogMessagesInPms = logMessages;
        await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
        return (app, api);
    }

    private async Task<SendResult> SendAsync(Guid? to = null)
    {
        var result = await app!.Services.GetRequiredService<MessageSender>()
            .SendToPatientAsync(practice.Tenant, RewardsTestData.Staff, templateId, to ?? patientId, CancellationToken.None);
        CatchUpWithTheApp();
        return result;
    }

    private void CatchUpWithTheApp() => writeback!.CatchUpWithTheApp();

    private Task RunUntilQuietAsync() => writeback!.RunUntilQuietAsync();

    private Task<List<WritebackCommand>> CommandsAsync() => writeback!.CommandsAsync();

    // The command's id is what the page's buttons act on; the state and words are what staff read.
    private async Task<PmsLogState?> LogStateAsync(Guid? of = null) =>
        Assert.Single(await app!.Services.GetRequiredService<MessageSender>().HistoryAsync(practice.Tenant, of ?? patientId, 10, CancellationToken.None)).PmsLog
            is { } log ? log with { CommandId = null } : null;

    [SkippableFact]
    public async Task Message_LoggingOn_IsFiledInOpenDentalOnceAsASentEmail()
    {
        var (_, od) = await StartAsync();

        Assert.Equal(1, (await SendAsync()).Sent);
        var queued = Assert.Single(await CommandsAsync());
        Assert.Equal((WritebackKinds.Commlog, WritebackState.Pending), (queued.Kind, queued.State));
        await RunUntilQuietAsync();

        var commlog = Assert.Single(od.Commlogs);
        Assert.Equal((PatNum, "Email", "Sent"), (commlog.PatNum, commlog.Mode, commlog.SentOrReceived));
        Assert.Equal($"[DentalHub ref {queued.Reference}] E-mail \"Time for your cleaning, Nora\" sent to nora@example.com from DentalHub by Rae Rewards.", commlog.Note);
        Assert.Equal(1, od.CommlogWrites.Posts);
        var confirmed = Assert.Single(await CommandsAsync());
        Assert.Equal((WritebackState.Confirmed, commlog.CommlogNum.ToString(System.Globalization.CultureInfo.InvariantCulture)), (confirmed.State, confirmed.TargetId));
        Assert.Equal(new PmsLogState(PmsLogDisplay.Logged, "Logged in Open Dental"), await LogStateAsync());
    }

    [SkippableFact]
    public async Task Message_AnswerLostAfterOpenDentalKeptIt_IsFoundByReadingBackWithoutASecondPost()
    {
        var (_, od) = await StartAsync();
        od.CommlogWrites.FailNext(PaymentFault.DropAfterCommit);
        await SendAsync();

        await writeback!.RunOnceAsync();
        Assert.Equal(WritebackState.Unknown, Assert.Single(await CommandsAsync()).State);
        Assert.Equal(PmsLogDisplay.BeingLogged, (await LogStateAsync())!.State);
        writeback!.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunUntilQuietAsync();

        var commlog = Assert.Single(od.Commlogs);
        Assert.Equal(1, od.CommlogWrites.Posts);
        Assert.Contains(od.Requests, r => r.Method == "GET" && r.Path == "/api/v1/commlogs" && r.Query["PatNum"] == "11");
        Assert.Equal(commlog.CommlogNum.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await CommandsAsync()).TargetId);
        Assert.Equal(PmsLogDisplay.Logged, (await LogStateAsync())!.State);
    }

    [SkippableTheory]
    [InlineData(PaymentFault.Status500AfterCommit, 1)]
    [InlineData(PaymentFault.Status500BeforeCommit, 2)]
    [InlineData(PaymentFault.DropBeforeCommit, 2)]
    [InlineData(PaymentFault.Status429, 2)]
    public async Task Message_AfterOneFault_IsInOpenDentalExactlyOnce(PaymentFault fault, int posts)
    {
        var (_, od) = await StartAsync();
        od.CommlogWrites.FailNext(fault);
        await SendAsync();

        await RunUntilQuietAsync();

        Assert.Single(od.Commlogs);
        Assert.Equal(posts, od.CommlogWrites.Posts);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task Message_LoggingOff_NothingIsFiledAndTheHistorySaysSo()
    {
        var (_, od) = await StartAsync(logMessages: false);

        await SendAsync();
        await writeback!.RunOnceAsync();

        Assert.Empty(await CommandsAsync());
        Assert.Empty(od.Commlogs);
        Assert.Equal(new PmsLogState(PmsLogDisplay.LoggingOff, "Logging off"), await LogStateAsync());
    }

    [SkippableFact]
    public async Task Message_PatientNotLinkedToThePms_NotLoggedAndSaysWhy()
    {
        var (hub, _) = await StartAsync();
        var walkIn = await hub.AddPatientAsync(practice, "Wes", "Walkin");
        await using (var db = hub.Databases.Create(practice.Tenant))
        {
            await db.Patients.Where(p => p.Id == walkIn).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, "wes@example.com"));
        }

        await SendAsync(walkIn);

        Assert.Empty(await CommandsAsync());
        Assert.Equal(new PmsLogState(PmsLogDisplay.NotLogged, "Not logged: the patient is not linked to a PMS record that takes communication logs."),
            await LogStateAsync(walkIn));
    }

    [SkippableFact]
    public async Task Message_OpenDentalRefusesIt_NotLoggedWithOpenDentalsReasonAndOneAlert()
    {
        var (hub, od) = await StartAsync();
        var gone = await hub.AddPatientAsync(practice, "Gia", "Gone");
        await using (var db = hub.Databases.Create(practice.Tenant))
        {
            await db.Patients.Where(p => p.Id == gone).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, "gia@example.com"));
            await hub.LinkAsync(practice, connectionId, "777", gone);
        }

        await SendAsync(gone);
        await RunUntilQuietAsync();

        Assert.Empty(od.Commlogs);
        Assert.Equal(new PmsLogState(PmsLogDisplay.NotLogged, "Not logged: Open Dental refused the communication log: Patient not found."), await LogStateAsync(gone));
        await using var check = hub.Databases.Create(practice.Tenant);
        var alert = await check.Alerts.SingleAsync();
        Assert.Equal(AlertKinds.CommlogNotLogged, alert.Kind);
        Assert.Equal($"/patients/{gone}", alert.Link);
        Assert.DoesNotContain("gia", alert.Text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task StaffNote_SentToThePms_IsFiledOnceAsANoteAndTheProfileSaysLogged()
    {
        var (hub, od) = await StartAsync(logMessages: false, mail: false);
        var notes = hub.Services.GetRequiredService<DentalHub.Patients.PatientNotes>();
        Assert.Equal("Open Dental", await notes.PmsTakingNotesAsync(practice.Tenant, patientId, CancellationToken.None));

        Assert.Null(await notes.SaveAndSendToPmsAsync(practice.Tenant, RewardsTestData.Staff, patientId, "Prefers morning visits.", CancellationToken.None));
        CatchUpWithTheApp();
        await RunUntilQuietAsync();

        var commlog = Assert.Single(od.Commlogs);
        Assert.Equal((PatNum, "None", "Neither"), (commlog.PatNum, commlog.Mode, commlog.SentOrReceived));
        Assert.EndsWith("Staff note from DentalHub by Rae Rewards: Prefers morning visits.", commlog.Note, StringComparison.Ordinal);
        var sent = Assert.Single(await notes.SentAsync(practice.Tenant, patientId, 5, CancellationToken.None));
        Assert.Equal(new PmsLogState(PmsLogDisplay.Logged, "Logged in Open Dental"), sent.Log with { CommandId = null });
    }

    [SkippableFact]
    public async Task StaffNote_JustSaved_IsNotSentToThePms()
    {
        var (hub, _) = await StartAsync(mail: false);
        var notes = hub.Services.GetRequiredService<DentalHub.Patients.PatientNotes>();

        Assert.Null(await notes.SaveAsync(practice.Tenant, RewardsTestData.Staff, patientId, "Prefers morning visits.", CancellationToken.None));

        Assert.Empty(await CommandsAsync());
        Assert.Empty(await notes.SentAsync(practice.Tenant, patientId, 5, CancellationToken.None));
    }
}

public sealed class CommlogWritebackOnSqlite() : CommlogWritebackSuite(DatabaseProvider.Sqlite);

public sealed class CommlogWritebackOnPostgres() : CommlogWritebackSuite(DatabaseProvider.Postgres);
