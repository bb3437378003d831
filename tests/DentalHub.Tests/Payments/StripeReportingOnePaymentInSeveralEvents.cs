using System.Net;
using System.Text.Json;
using DentalHub.Alerts;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Payments;

/// <summary>
/// Stripe reporting one payment in several events, in any order (docs.stripe.com: events are not delivered in order;
/// with asynchronous capture the fee arrives with charge.updated): the write to the PMS waits for what it depends on,
/// follows what later events fill in while it is not sent, and is never changed once sent.
/// </summary>
public sealed class StripeReportingOnePaymentInSeveralEvents : IAsyncLifetime
{
    private WritebackHarness h = default!;
    private Guid stripe;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);
        stripe = await h.App.ConnectStripeAsync(h.Practice);
        client = h.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await h.DisposeAsync();
    }

    [Fact]
    public async Task TerminalPayment_ReportedByItsIntentBeforeItsCharge_IsRecordedAsATerminalPaymentAtNet()
    {
        await PostAsync(IntentSucceeded("evt_i1", "ch_t1", "\"card\",\"card_present\""));
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Empty(h.Pms.Ledger);
        var waiting = await PaymentAsync("ch_t1");
        Assert.Equal(WritebackDisplay.WaitingForDetails, WritebackStatus.Of(waiting, Assert.Single(await h.CommandsAsync()), h.Clock.GetUtcNow()).State);

        await PostAsync(ChargeSucceeded("evt_c1", "ch_t1", "card_present", fee: 3.94m));
        await h.RunUntilQuietAsync();

        var payment = await PaymentAsync("ch_t1");
        Assert.Equal((PaymentSource.CardTerminal, 3.94m, 121.56m), (payment.Source, payment.Fee, payment.Net));
        Assert.Equal(121.56m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.StartsWith("Card terminal payment", Payload(Assert.Single(await h.CommandsAsync())).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeeSettledAfterTheCharge_WaitingWriteTakesTheNetWhenChargeUpdatedBringsIt()
    {
        await PostAsync(ChargeSucceeded("evt_c2", "ch_o2", "card", fee: null));
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Empty(h.Pms.Ledger);

        await PostAsync(ChargeUpdated("evt_u2", "ch_o2", fee: 3.94m));
        await h.RunUntilQuietAsync();

        Assert.Equal(121.56m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.Null((await PaymentAsync("ch_o2")).WritebackNote);
    }

    [Fact]
    public async Task DailyBatch_FeeArrivesBeforeTheBatch_PendingWriteFollowsItAndKeepsTheBatchTime()
    {
        await h.SaveSettingsAsync(s => s.Timing = WritebackTiming.DailyBatch);
        await PostAsync(ChargeSucceeded("evt_c3", "ch_o3", "card", fee: null));
        Assert.Equal(125.50m, Payload(Assert.Single(await h.CommandsAsync())).Amount);

        await PostAsync(ChargeUpdated("evt_u3", "ch_o3", fee: 3.94m));

        var command = Assert.Single(await h.CommandsAsync());
        Assert.Equal((WritebackState.Pending, 121.56m), (command.State, Payload(command).Amount));
        var practice = await PracticeZoneAsync();
        Assert.Equal(DailyBatch.NextRun(new TimeOnly(18, 0), practice, TimeProvider.System.GetUtcNow()), command.NextAttemptAt);
    }

    [Fact]
    public async Task DetailsNeverReported_WriteIsRefusedNotGuessed_AndGoesOnceTheyArrive()
    {
        await PostAsync(IntentSucceeded("evt_i4", "ch_t4", "\"card\",\"card_present\""));
        h.Clock.Advance(PaymentWritebackPlanner.DetailsWait + TimeSpan.FromMinutes(1));
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Empty(h.Pms.Ledger);
        var refused = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.Rejected, refused.State);
        Assert.Contains("has not reported whether the card was read by the practice's terminal and its fee", refused.LastError);
        Assert.Contains(await AlertsAsync(), a => a.Kind == AlertKinds.PaymentNotRecorded);

        await PostAsync(ChargeSucceeded("evt_c4", "ch_t4", "card_present", fee: 3.94m));
        await h.RunUntilQuietAsync();

        Assert.Equal(121.56m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
    }

    [Fact]
    public async Task TerminalPaymentThePracticePostsByHand_ChargeArrivesAfterTheIntent_QueuedWriteWithdrawn()
    {
        await h.SaveSettingsAsync(s => s.TerminalPostedByStaff = true);
        await PostAsync(IntentSucceeded("evt_i5", "ch_t5", "\"card\",\"card_present\""));
        Assert.Single(await h.CommandsAsync());

        await PostAsync(ChargeSucceeded("evt_c5", "ch_t5", "card_present", fee: 3.94m));
        h.Clock.Advance(PaymentWritebackPlanner.DetailsWait + TimeSpan.FromMinutes(1));
        await h.RunUntilQuietAsync();

        Assert.Empty(await h.CommandsAsync());
        Assert.Empty(h.Pms.Ledger);
        Assert.Contains("posted by staff", (await PaymentAsync("ch_t5")).WritebackNote);
    }

    [Fact]
    public async Task FeeReportedDifferentlyAfterTheWrite_PmsPaymentLeftAsItIsAndStaffAlerted()
    {
        await PostAsync(ChargeSucceeded("evt_c6", "ch_o6", "card", fee: 3.94m));
        await h.RunUntilQuietAsync();
        var sent = Assert.Single(await h.CommandsAsync());

        var response = await PostAsync(ChargeUpdated("evt_u6", "ch_o6", fee: 4.50m));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(121.56m, Assert.Single(h.Pms.Ledger).Amount);
        var command = Assert.Single(await h.CommandsAsync());
        Assert.Equal((WritebackState.Confirmed, sent.PayloadJson), (command.State, command.PayloadJson));
        var payment = await PaymentAsync("ch_o6");
        Assert.Equal((4.50m, 121.00m), (payment.Fee, payment.Net));
        Assert.Contains("121.56 USD", payment.Discrepancy);
        Assert.Contains("it should be 121.00 USD", payment.Discrepancy);
        var alert = Assert.Single(await AlertsAsync(), a => a.Kind == PaymentAlerts.ChangedAfterSent);
        Assert.Equal(payment.Id, alert.SubjectId);
    }

    [Fact]
    public async Task FeeArrivingWhileTheWriteIsInFlight_EventIsAskedForAgain_ThenComparedWithWhatThePmsHas()
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.LostResponseAfterCommit);
        await PostAsync(ChargeSucceeded("evt_c7", "ch_o7", "card", fee: 3.94m));
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(WritebackState.Unknown, Assert.Single(await h.CommandsAsync()).State);

        var inFlight = await PostAsync(ChargeUpdated("evt_u7", "ch_o7", fee: 4.50m));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, inFlight.StatusCode);
        Assert.Equal(3.94m, (await PaymentAsync("ch_o7")).Fee);

        await h.RunUntilQuietAsync();
        var redelivered = await PostAsync(ChargeUpdated("evt_u7", "ch_o7", fee: 4.50m));

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(121.56m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.NotNull((await PaymentAsync("ch_o7")).Discrepancy);
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        var response = await client.PostStripeEventAsync(stripe, body);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        return response;
    }

    private async Task<Payment> PaymentAsync(string chargeId)
    {
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        return await db.Payments.AsNoTracking().SingleAsync(p => p.ProcessorReference == chargeId);
    }

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        return await db.Alerts.AsNoTracking().ToListAsync();
    }

    private async Task<TimeZoneInfo> PracticeZoneAsync()
    {
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        return (await db.Practices.AsNoTracking().SingleAsync()).TimeZone;
    }

    private static PmsPaymentWrite Payload(WritebackCommand command) => JsonSerializer.Deserialize<PmsPaymentWrite>(command.PayloadJson)!;

    private string PatientMetadata => $$"""{"dentalhub_patient_id":"{{h.PatientIds[0]}}"}""";

    /// <summary>payment_intent.succeeded as a webhook delivers it: the charge by id only, not expanded, so no card type and no fee.</summary>
    private string IntentSucceeded(string eventId, string chargeId, string methodTypes) => StripeWebhooks.Event(eventId, "payment_intent.succeeded", $$"""
        {"id":"pi_{{chargeId}}","object":"payment_intent","amount":12550,"amount_received":12550,"currency":"usd","status":"succeeded","livemode":false,
         "latest_charge":"{{chargeId}}","payment_method_types":[{{methodTypes}}],"metadata":{{PatientMetadata}}}
        """);

    /// <param name="fee">Null: asynchronous capture, the balance transaction is not there yet.</param>
    private string ChargeSucceeded(string eventId, string chargeId, string methodType, decimal? fee) =>
        StripeWebhooks.Event(eventId, "charge.succeeded", Charge(chargeId, methodType, fee));

    private string ChargeUpdated(string eventId, string chargeId, decimal fee) =>
        StripeWebhooks.Event(eventId, "charge.updated", Charge(chargeId, "card", fee));

    private string Charge(string chargeId, string methodType, decimal? fee)
    {
        var transaction = fee is { } f
            ? $$"""{"id":"txn_{{chargeId}}","object":"balance_transaction","amount":12550,"fee":{{(int)(f * 100)}},"net":{{12550 - (int)(f * 100)}},"currency":"usd","reporting_category":"charge","source":"{{chargeId}}","type":"charge","status":"pending","created":1763800000}"""
            : "null";
        return $$"""
            {"id":"{{chargeId}}","object":"charge","amount":12550,"amount_captured":12550,"amount_refunded":0,"captured":true,"currency":"usd",
             "paid":true,"refunded":false,"status":"succeeded","created":1763800000,"livemode":false,"payment_intent":"pi_{{chargeId}}",
             "payment_method_details":{"type":"{{methodType}}"},"balance_transaction":{{transaction}},"metadata":{{PatientMetadata}}}
            """;
    }
}
