using System.Text.Json.Nodes;
using DentalHub.Audit;
using DentalHub.Connectors.NexHealth;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.TestDoubles.NexHealth;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// Payments to Dentrix through NexHealth (the double): taken by NexHealth and shown as waiting for Dentrix, then recorded
/// once, whether the webhook says so, is lost, comes twice, comes late or says it timed out; never posted twice. The
/// dispatcher is driven by the test; webhooks reach the app's own endpoint, signed with the connection's secret.
/// </summary>
public abstract class NexHealthPaymentWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatientId = 415;

    private DentalHubApp app = null!;
    private NexHealthApiTestDouble api = null!;
    private TestPractice practice = null!;
    private DrivenDispatcher writeback = null!;
    private Guid connectionId;
    private Guid patient;

    public async Task InitializeAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Patient(PatientId, "Ana", "Ruiz", new DateOnly(1990, 4, 2)));
        practice = await app.AddPracticeAsync("Bright Smiles");
        connectionId = await app.ConnectNexHealthAsync(practice, api, NexHealthPms.Dentrix, webhooks: true);
        await app.SyncAsync(practice, connectionId, SyncResources.Patients);
        api.WebhookClient = app.CreateClient();
        api.WebhookTarget = new Uri(api.WebhookClient.BaseAddress!, $"/webhooks/nexhealth/{connectionId}");
        writeback = new DrivenDispatcher(app, practice);
        await using var db = app.Databases.Create(practice.Tenant);
        patient = await db.Patients.Select(p => p.Id).SingleAsync();
        var settings = await db.WritebackSettings.FirstOrDefaultAsync() ?? db.WritebackSettings.Add(new WritebackSettings { PracticeId = practice.PracticeId }).Entity;
        settings.PaymentTypesJson = """{"Portal":"10"}""";
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is null)
        {
            return;
        }
        api.WebhookClient?.Dispose();
        await api.DisposeAsync();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [SkippableFact]
    public async Task Payment_TakenByNexHealth_WaitsForDentrixThenRecordedAfterTheWebhook()
    {
        var payment = await PayAsync("ch_1", 140.01m);

        await SendAsync();
        var waiting = await StatusAsync(payment);
        await api.RunWriteCycleAsync();
        await RunWokenAsync();
        var recorded = await StatusAsync(payment);

        Assert.Equal((WritebackDisplay.BeingRecorded, "Sent to NexHealth, waiting for Dentrix."), (waiting.State, waiting.Text));
        Assert.Equal(WritebackDisplay.Recorded, recorded.State);
        Assert.Equal(1, api.PaymentsTaken);
        Assert.Equal([("payment_insertion.complete", 200)], api.WebhooksDelivered);
    }

    [SkippableFact]
    public async Task Payment_WebhookLost_RecordedByItsTransactionIdAndPostedOnce()
    {
        var payment = await PayAsync("ch_2", 80m);
        api.NextWebhook(WebhookFault.Lost);
        api.RowsPerPayment = 2;
        await SendAsync();

        await api.RunWriteCycleAsync();
        await LookAgainAsync();

        var command = await CommandAsync();
        Assert.Equal(WritebackState.Confirmed, command.State);
        Assert.Equal(2, command.TargetId!.Split(',').Length);
        Assert.Equal(WritebackDisplay.Recorded, (await StatusAsync(payment)).State);
        Assert.Equal(1, api.PaymentsTaken);
        Assert.Empty(api.WebhooksDelivered);
    }

    [SkippableFact]
    public async Task Payment_NotYetInDentrix_LookedForAgainAndNeverPostedTwice()
    {
        await PayAsync("ch_3", 80m);
        await SendAsync();

        for (var look = 0; look < 5; look++)
        {
            await LookAgainAsync();
        }

        Assert.Equal(WritebackState.Accepted, (await CommandAsync()).State);
        Assert.Equal(1, api.Requests.Count(r => r.Method == "POST" && r.Path == "/payments"));
    }

    [SkippableFact]
    public async Task Payment_NeverShownInDentrix_ParkedForAPersonAfterTheWaitAndARetrySendsItAgain()
    {
        var payment = await PayAsync("ch_8", 80m);
        api.NextWriteEnds(WriteEnding.Failed);
        api.NextWebhook(WebhookFault.Lost);
        await SendAsync();
        await api.RunWriteCycleAsync();

        writeback.Clock.Advance(WritebackHarness.Policy.ConfirmationWait);
        await LookAgainAsync();
        var parked = await StatusAsync(payment);
        Assert.True(await app.Services.GetRequiredService<WritebackActions>().RetryAsync(practice.Tenant, AuditActor.System, (await CommandAsync()).Id, CancellationToken.None));
        await RunWokenAsync();
        await api.RunWriteCycleAsync();
        await RunWokenAsync();

        Assert.Equal(WritebackDisplay.NeedsReview, parked.State);
        Assert.Contains("Look for it in Dentrix", parked.Text, StringComparison.Ordinal);
        Assert.Equal(WritebackState.Confirmed, (await CommandAsync()).State);
        Assert.Equal(2, api.PaymentsTaken);
        Assert.Single(api.PaymentsWith(ReferenceOf(payment)));
    }

    [SkippableFact]
    public async Task Payment_WebhookDuplicated_RecordedOnce()
    {
        await PayAsync("ch_4", 80m);
        api.NextWebhook(WebhookFault.Duplicated);
        await SendAsync();

        await api.RunWriteCycleAsync();
        await RunWokenAsync();

        Assert.Equal(WritebackState.Confirmed, (await CommandAsync()).State);
        Assert.Equal(2, api.WebhooksDelivered.Count);
        Assert.Equal(1, await ReceiptsAsync());
        Assert.Equal(1, api.PaymentsTaken);
    }

    [SkippableFact]
    public async Task Payment_TimedOutThenWrittenWithItsWebhookArrivingLate_RecordedOnce()
    {
        var payment = await PayAsync("ch_5", 80m);
        api.NextWriteEnds(WriteEnding.TimedOutThenWritten);
        api.NextWebhook(WebhookFault.HeldForLater);
        await SendAsync();

        await api.RunWriteCycleAsync();
        await LookAgainAsync();
        var afterTimeout = (await CommandAsync()).State;
        await api.RunWriteCycleAsync();
        await LookAgainAsync();
        await api.DeliverHeldWebhooksAsync();
        await LookAgainAsync();

        Assert.Equal(WritebackState.Accepted, afterTimeout);
        Assert.Equal(WritebackState.Confirmed, (await CommandAsync()).State);
        Assert.Equal(WritebackDisplay.Recorded, (await StatusAsync(payment)).State);
        Assert.Single(api.PaymentsWith(ReferenceOf(payment)));
        Assert.Equal(1, api.PaymentsTaken);
    }

    [SkippableFact]
    public async Task Payment_FailedInDentrix_NotRecordedWithWhatToCheck()
    {
        var payment = await PayAsync("ch_6", 80m);
        api.NextWriteEnds(WriteEnding.Failed);
        await SendAsync();

        await api.RunWriteCycleAsync();
        await LookAgainAsync();

        var status = await StatusAsync(payment);
        Assert.Equal(WritebackDisplay.NotRecorded, status.State);
        Assert.Contains("Dentrix did not take the payment", status.Text, StringComparison.Ordinal);
        Assert.Equal(1, api.PaymentsTaken);
    }

    [SkippableFact]
    public async Task Webhook_BadSignature_401AndNothingChanges()
    {
        await PayAsync("ch_7", 80m);
        await SendAsync();
        await api.RunWriteCycleAsync();
        var body = new JsonObject
        {
            ["resource_type"] = "Payment", ["event_name"] = "payment_insertion.complete", ["event_time"] = "2026-12-07T16:00:00.000Z",
            ["delivery_errors"] = new JsonArray(), ["data"] = new JsonObject { ["id"] = 1, ["transaction_id"] = (await CommandAsync()).Reference },
        }.ToJsonString();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, api.WebhookTarget) { Content = new StringContent(body) };
        request.Headers.TryAddWithoutValidation("timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("signature", NexHealthApiTestDouble.Signature("not-the-secret", timestamp, body));
        var receiptsBefore = await ReceiptsAsync();

        using var response = await api.WebhookClient!.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(receiptsBefore, await ReceiptsAsync());
        Assert.Equal(WritebackState.Accepted, (await CommandAsync()).State);
    }

    private async Task<Payment> PayAsync(string reference, decimal gross) =>
        (await app.Services.GetRequiredService<PaymentIntake>().RecordAsync(practice.Tenant,
            new IncomingPayment(reference, "test", patient, PaymentSource.Portal, gross, 0m, "USD", TimeProvider.System.GetUtcNow(), null), CancellationToken.None)).Payment;

    // The first send: NexHealth takes it.
    private async Task SendAsync()
    {
        writeback.CatchUpWithTheApp();
        await writeback.RunOnceAsync();
        Assert.Equal(WritebackState.Accepted, (await CommandAsync()).State);
    }

    // What is due now by the app's clock (a webhook wakes its command at once), before the command's own backoff.
    private async Task RunWokenAsync()
    {
        writeback.CatchUpWithTheApp();
        await writeback.RunOnceAsync();
    }

    // The command's next look, whether a webhook woke it or its backoff came due.
    private async Task LookAgainAsync()
    {
        writeback.Clock.Advance(TimeSpan.FromMinutes(31));
        await writeback.RunOnceAsync();
    }

    private async Task<WritebackCommand> CommandAsync() => Assert.Single(await writeback.CommandsAsync());

    private async Task<WritebackStatus> StatusAsync(Payment payment)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        var current = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id);
        return WritebackStatus.Of(current, await CommandAsync(), writeback.Clock.GetUtcNow());
    }

    private async Task<int> ReceiptsAsync()
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.PmsEventReceipts.CountAsync();
    }

    private static string ReferenceOf(Payment payment) => PaymentWritebackPlanner.ReferenceOf(payment);
}

public sealed class NexHealthPaymentWritebackOnSqlite() : NexHealthPaymentWritebackSuite(DatabaseProvider.Sqlite);

public sealed class NexHealthPaymentWritebackOnPostgres() : NexHealthPaymentWritebackSuite(DatabaseProvider.Postgres);
