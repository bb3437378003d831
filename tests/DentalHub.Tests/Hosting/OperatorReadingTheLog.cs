using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Hosting;

/// <summary>
/// The operator reads the app's log: each sync run's start and finish with its ids and counts, each failed connection
/// check and each writeback state change, and never a patient's name or birthdate, even when they came through.
/// </summary>
public sealed class OperatorReadingTheLog : IAsyncLifetime
{
    private static readonly string[] PatientData = ["Zelda", "Quixote", "Ximena", "Oyelaran", "1971", "03/14", "3/14", "14.03", "zelda@", "Payer"];

    private readonly CapturedLogs logs = new();
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private ScriptedPms pms = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        app = new DentalHubApp(TestDatabase.Create(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" }, logs);
        practice = await app.AddPracticeAsync("Log Dental");
        pms = new ScriptedPms();
        pms.Upsert(ScriptedPms.Patient("901", "Zelda", "Quixote", new DateOnly(1971, 3, 14), email: "zelda@example.com"));
        pms.Upsert(ScriptedPms.Patient("902", "Ximena", "Oyelaran", null));
        connectionId = await app.ConnectAsync(practice, pms);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private IReadOnlyList<CapturedLog> Logged(int eventId) => [.. logs.Entries.Where(e => e.EventId == eventId)];

    [Fact]
    public async Task SyncRun_IsLoggedStartedAndFinishedWithItsIdsAndCounts_WithoutPatientData()
    {
        var outcome = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

        var runId = outcome.RunId!.Value.ToString();
        var started = Assert.Single(Logged(1001));
        Assert.Equal((runId, connectionId.ToString(), "patients"), (started.Values["RunId"], started.Values["ConnectionId"], started.Values["Resource"]));
        var finished = Assert.Single(Logged(1002));
        Assert.Equal((runId, "2", "1", "1"), (finished.Values["RunId"], finished.Values["Read"], finished.Values["Created"], finished.Values["Failed"]));
        AssertNoPatientData();
    }

    [Fact]
    public async Task FailedConnectionCheck_IsLoggedWithTheConnectionsIds_NotItsMessage()
    {
        pms.CheckProblem = "The PMS could not read Zelda Quixote (born 03/14/1971).";

        var check = await app.Services.GetRequiredService<ConnectionService>().CheckAsync(practice.Tenant, AuditActor.System, connectionId, CancellationToken.None);

        Assert.False(check!.Succeeded);
        var failed = Assert.Single(Logged(2001));
        Assert.Equal((connectionId.ToString(), practice.PracticeId.ToString()), (failed.Values["ConnectionId"], failed.Values["PracticeId"]));
        AssertNoPatientData();
    }

    [Fact]
    public async Task WritebackStateChanges_ByTheDispatcherAndByStaff_AreLoggedWithTheCommandAndItsStates_WithoutThePayment()
    {
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        Guid patient;
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            patient = await db.Patients.Where(p => p.FirstName == "Zelda").Select(p => p.Id).SingleAsync();
        }
        pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await app.Services.GetRequiredService<PaymentIntake>().RecordAsync(practice.Tenant,
            new IncomingPayment("ch_logged", "test", patient, PaymentSource.Portal, 61.71m, 0m, "USD", TimeProvider.System.GetUtcNow(), "Zelda Quixote's crown"), CancellationToken.None);

        await app.Services.GetRequiredService<WritebackDispatcher>().RunOnceAsync(CancellationToken.None);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var command = await db.WritebackCommands.SingleAsync();
            var actions = app.Services.GetRequiredService<WritebackActions>();
            await actions.MarkPostedByHandAsync(practice.Tenant, AuditActor.System, command.Id, CancellationToken.None);
            await actions.UndoPostedByHandAsync(practice.Tenant, AuditActor.System, command.Id, CancellationToken.None);
        }

        Assert.Equal(
            [("Pending", "Rejected"), ("Rejected", "HandledByHand"), ("HandledByHand", "Rejected")],
            logs.Entries.Where(e => e.EventId is 3001 or 3002).Select(e => (e.Values["FromState"], e.Values["ToState"])));
        AssertNoPatientData();
        Assert.DoesNotContain(logs.Entries, e => e.AllText.Contains("61.71", StringComparison.Ordinal));
    }

    private void AssertNoPatientData()
    {
        foreach (var entry in logs.Entries)
        {
            foreach (var data in PatientData)
            {
                Assert.False(entry.AllText.Contains(data, StringComparison.OrdinalIgnoreCase), $"{entry.Category} logged patient data ({data}): {entry.AllText}");
            }
        }
    }
}
