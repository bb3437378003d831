using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Stripe;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.TestDoubles.QuickBooks;
using DentalHub.TestDoubles.Stripe;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payouts;

/// <summary>Stripe posting signed payout events: the payout is itemized from its balance transactions and written to QuickBooks.</summary>
public sealed class StripePayoutsReachTheBooks : IAsyncLifetime
{
    private const string Secret = "whsec_test_payouts";
    private StripeBalanceTestDouble stripe = default!;
    private PayoutHarness h = default!;
    private Guid stripeConnection;
    private HttpClient client = default!;

    public Task InitializeAsync() => StartAsync(worker: false);

    private async Task StartAsync(bool worker)
    {
        stripe = await StripeBalanceTestDouble.StartAsync();
        h = await PayoutHarness.StartAsync(DatabaseProvider.Sqlite, extraSettings: new Dictionary<string, string?>
        {
            ["Connectors:stripe:ApiBase"] = stripe.BaseUrl,
            ["Writeback:Worker"] = worker ? "true" : "false",
        });
        stripeConnection = (await h.App.Services.GetRequiredService<ConnectionService>().CreateAsync(h.Practice.Tenant, AuditActor.System, new ConnectionInput(
            StripeConnector.Key, "Card payments", new Dictionary<string, string>(),
            new Dictionary<string, string> { ["webhookSigningSecret"] = Secret, ["apiKey"] = "rk_test_payouts" }), CancellationToken.None)).Id;
        // The terminal charge was recorded as a payment; the online one never reached DentalHub.
        await h.App.Services.GetRequiredService<PaymentIntake>().RecordAsync(h.Practice.Tenant, new IncomingPayment(
            "ch_terminal", "stripe", null, PaymentSource.CardTerminal, 100m, 3.20m, "USD", TimeProvider.System.GetUtcNow(), null), CancellationToken.None);
        stripe.AddPayout("po_1E2E", "usd",
            ("charge", "ch_terminal", 100.00m, 3.20m),
            ("charge", "ch_online", 50.00m, 1.75m),
            ("refund", "re_1", -10.00m, 0m),
            ("dispute", "dp_1", -20.00m, 15.00m));
        client = h.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await h.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Fact]
    public async Task PaidThenReconciled_PayoutItemizedAndPostedAsOneDepositMatchingTheBank()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PayoutEvent("evt_p1", "payout.paid", "paid", "in_progress"))).StatusCode);
        var waiting = await PayoutAsync();
        Assert.Equal(PayoutState.Pending, waiting.Status);
        Assert.Empty(waiting.Items);
        Assert.Equal(0, stripe.ListRequests);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PayoutEvent("evt_p2", "payout.reconciliation_completed", "paid", "completed"))).StatusCode);
        await h.RunAsync();

        var payout = await PayoutAsync();
        Assert.True(payout.Status == PayoutState.Posted, $"{payout.Status}: {payout.HeldReason} " + string.Join("; ", payout.Items.Select(i => $"{i.Category} {i.SourceId} {i.Gross} {i.Fee}")));
        Assert.Equal((150.00m, 19.95m, 100.05m), (payout.Gross, payout.Fees, payout.NetAmount));
        Assert.Equal(PaymentSource.CardTerminal, payout.Items.Single(i => i.SourceId == "ch_terminal").SourceType);
        Assert.Equal(PaymentSource.Portal, payout.Items.Single(i => i.SourceId == "ch_online").SourceType);
        var deposit = Assert.Single(h.Qbo.Deposits);
        Assert.Equal(100.05m, deposit.TotalAmt);
        Assert.Equal(
            new[] { -20.00m, -15.00m, -10.00m, -4.95m, 50.00m, 100.00m },
            deposit.Lines.Select(l => l.Amount).Order().ToArray());
        Assert.Contains("po_1E2E", deposit.PrivateNote);
        Assert.Empty(h.Qbo.SchemaErrors);
    }

    [Fact]
    public async Task FailedAfterItWasPosted_PayoutReversedAndTheBookkeeperToldWhichDepositToDelete()
    {
        await PostAsync(PayoutEvent("evt_f1", "payout.paid", "paid", "completed"));
        await h.RunAsync();
        var depositId = Assert.Single(h.Qbo.Deposits).Id;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PayoutEvent("evt_f2", "payout.failed", "failed", "completed"))).StatusCode);
        await PostAsync(PayoutEvent("evt_f3", "payout.paid", "paid", "completed"));

        var payout = await PayoutAsync();
        Assert.Equal(PayoutState.Reversed, payout.Status);
        Assert.Contains($"delete deposit {depositId}", payout.HeldReason);
        var alert = Assert.Single(await h.AlertsAsync(), a => a.Kind == PayoutAlerts.Reversed);
        Assert.Contains(depositId, alert.Text);
    }

    [Fact]
    public async Task FailedBeforeItWasPosted_DepositWithdrawnAndNothingWritten()
    {
        await PostAsync(PayoutEvent("evt_w1", "payout.paid", "paid", "completed"));
        await PostAsync(PayoutEvent("evt_w2", "payout.failed", "failed", "completed"));
        await h.RunAsync();

        Assert.Empty(h.Qbo.Deposits);
        Assert.Equal(PayoutState.Reversed, (await PayoutAsync()).Status);
        Assert.Empty(await h.CommandsAsync());
    }

    [Fact]
    public async Task PaidEvent_WithTheWorkerRunning_IsPostedWithinAMinute()
    {
        await DisposeAsync();
        await StartAsync(worker: true);
        var sent = TimeProvider.System.GetUtcNow();

        await PostAsync(PayoutEvent("evt_rt", "payout.paid", "paid", "completed"));
        while ((await PayoutAsync()).Status != PayoutState.Posted && TimeProvider.System.GetUtcNow() - sent < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200);
        }

        Assert.Equal(PayoutState.Posted, (await PayoutAsync()).Status);
        Assert.Single(h.Qbo.Deposits);
    }

    private async Task<Payout> PayoutAsync()
    {
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        return await db.Payouts.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.ProcessorPayoutId == "po_1E2E");
    }

    private Task<HttpResponseMessage> PostAsync(string body) => client.PostStripeEventAsync(stripeConnection, body, Secret);

    private static string PayoutEvent(string eventId, string type, string status, string reconciliation) => $$"""
        {"id":"{{eventId}}","object":"event","api_version":"{{StripeWebhookReader.ExpectedApiVersion}}","created":1763800000,"livemode":false,"pending_webhooks":1,
         "request":{"id":null,"idempotency_key":null},"type":"{{type}}",
         "data":{"object":{"id":"po_1E2E","object":"payout","amount":10005,"arrival_date":1763856000,"automatic":true,"currency":"usd",
           "status":"{{status}}","reconciliation_status":"{{reconciliation}}","balance_transaction":"txn_po_1E2E_payout","livemode":false,
           "failure_code":{{(status == "failed" ? "\"account_closed\"" : "null")}},"failure_message":null,"failure_balance_transaction":null,"method":"standard","type":"bank_account"} } }
        """;
}
