using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payments.RefundsAndDisputes;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payments;

/// <summary>
/// Refunds and disputes reported by Stripe (and refunds recorded through the API) kept against their
/// payment, shown beside it, and never written to the PMS.
/// </summary>
public sealed class RecordingRefundsAndDisputes : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private WritebackHarness h = default!;
    private Connection stripe = default!;
    private HttpClient api = default!;
    private TestStaff admin = default!;

    public async Task InitializeAsync()
    {
        h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);
        var created = await h.App.Services.GetRequiredService<ConnectionService>().CreateAsync(h.Practice.Tenant, AuditActor.System, new ConnectionInput(
            StripeConnector.Key, "Card payments", new Dictionary<string, string>(),
            new Dictionary<string, string> { ["webhookSigningSecret"] = "whsec_refunds", ["apiKey"] = "rk_test_refunds" }), CancellationToken.None);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        stripe = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == created.Id);
        admin = await h.App.AddStaffAsync("Ada Admin", (h.Practice, PracticeRole.Admin));
        var session = new StaffSession(admin.UserId, admin.DisplayName, h.Practice.OrganizationId, h.Practice.PracticeId, h.Practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await h.App.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Portal", [ApiScopes.PaymentsWrite], CancellationToken.None);
        api = h.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await h.DisposeAsync();
    }

    private async Task<EventOutcome> DeliverAsync(string eventId, DateTimeOffset at, PaymentEventPayload payload)
    {
        var receiver = (IReceivesPaymentEvents)h.App.Services.GetRequiredService<ConnectorFactory>().Create(stripe);
        return await h.App.Services.GetRequiredService<PaymentEventHandler>().HandleAsync(h.Practice.Tenant, stripe, receiver,
            new PaymentEvent(eventId, "test.event", at, false, null, payload), CancellationToken.None);
    }

    private static ProcessorRefund Refund(string id, string charge, decimal amount, RefundStatus status) => new(id, charge, amount, "usd", status, T0, null);

    private static ProcessorDispute Dispute(string charge, DisputeStatus status, params ProcessorSettlement[] moves) =>
        new("dp_1", charge, 100m, "usd", status, "fraudulent", moves);

    private async Task<JsonElement> GetAsync(Guid paymentId) =>
        await (await api.GetAsync($"/api/v1/payments/{paymentId}")).Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task RefundEvents_UpsertedByRefundId_NewestStatusShowsAndEveryStatusIsKept()
    {
        var payment = await h.PayAsync("ch_r1", h.PatientIds[0], 100m);

        await DeliverAsync("evt_1", T0.AddMinutes(1), Refund("re_1", "ch_r1", 30m, RefundStatus.Pending));
        await DeliverAsync("evt_2", T0.AddMinutes(2), Refund("re_1", "ch_r1", 30m, RefundStatus.Succeeded));
        // An older report delivered late must not undo the newer one.
        await DeliverAsync("evt_0", T0, Refund("re_1", "ch_r1", 30m, RefundStatus.RequiresAction));
        await DeliverAsync("evt_3", T0.AddMinutes(3), Refund("re_2", "ch_r1", 5.25m, RefundStatus.Failed));

        var shown = await GetAsync(payment.Payment.Id);
        Assert.Equal(30m, shown.GetProperty("refunded").GetDecimal());
        var refunds = shown.GetProperty("refunds").EnumerateArray().ToDictionary(r => r.GetProperty("reference").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["re_1"] = "Succeeded", ["re_2"] = "Failed" }, refunds);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Equal(["Pending", "RequiresAction", "Succeeded"],
            await db.RefundOrDisputeChanges.Where(c => c.ExternalId == "re_1").Select(c => c.Status).OrderBy(s => s).ToListAsync());
        Assert.Equal(2, await db.PaymentRefunds.CountAsync());
    }

    [Fact]
    public async Task RefundBeforeItsPayment_IsKeptAndBelongsToThePaymentWhenItArrives()
    {
        var outcome = await DeliverAsync("evt_early", T0, Refund("re_early", "ch_later", 12.50m, RefundStatus.Succeeded));
        Assert.Contains("not known yet", outcome.Text);

        var payment = await h.PayAsync("ch_later", h.PatientIds[1], 50m);

        var shown = await GetAsync(payment.Payment.Id);
        Assert.Equal(12.50m, shown.GetProperty("refunded").GetDecimal());
        Assert.Equal("re_early", shown.GetProperty("refunds")[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task DisputeEvents_NewestStatusShowsWithItsFeesAndEveryStatusIsKept()
    {
        var payment = await h.PayAsync("ch_d1", h.PatientIds[2], 100m);
        var withdrawal = new ProcessorSettlement("txn_w", -100m, 15m, -115m, "usd", "dispute", "dp_1");

        await DeliverAsync("evt_d1", T0.AddMinutes(1), Dispute("ch_d1", DisputeStatus.NeedsResponse, withdrawal));
        await DeliverAsync("evt_d2", T0.AddMinutes(5), Dispute("ch_d1", DisputeStatus.Lost, withdrawal));
        await DeliverAsync("evt_d3", T0.AddMinutes(2), Dispute("ch_d1", DisputeStatus.UnderReview, withdrawal));

        var dispute = Assert.Single((await GetAsync(payment.Payment.Id)).GetProperty("disputes").EnumerateArray());
        Assert.Equal(("Lost", 15m, "fraudulent"), (dispute.GetProperty("status").GetString(), dispute.GetProperty("fee").GetDecimal(), dispute.GetProperty("reason").GetString()));
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Equal(3, await db.RefundOrDisputeChanges.CountAsync(c => c.Subject == ChangeSubject.Dispute));
    }

    [Fact]
    public async Task RefundsAndDisputes_OfAPaymentWrittenBack_NeverQueueOrSendAWrite()
    {
        var payment = await h.PayAsync("ch_w1", h.PatientIds[0], 80m);
        await h.RunUntilQuietAsync();
        Assert.Single(h.Pms.Ledger);

        await DeliverAsync("evt_w1", T0, Refund("re_w1", "ch_w1", 20m, RefundStatus.Succeeded));
        await DeliverAsync("evt_w2", T0, new ProcessorChargeRefunded("ch_w1", 20m, "usd", false));
        await DeliverAsync("evt_w3", T0, Dispute("ch_w1", DisputeStatus.NeedsResponse));
        var viaApi = await api.PostAsJsonAsync($"/api/v1/payments/{payment.Payment.Id}/refunds", new { reference = "refund-77", amount = 10m });
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.RunUntilQuietAsync();

        var command = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.Confirmed, command.State);
        var entry = Assert.Single(h.Pms.Ledger);
        Assert.Equal(80m, entry.Amount);
        Assert.Equal(30m, (await GetAsync(payment.Payment.Id)).GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task RestApiRefund_PostedTwice_IsStoredOnceAndBadRequestsAreExplained()
    {
        var payment = await h.PayAsync("ch_api", h.PatientIds[1], 60m);
        var url = $"/api/v1/payments/{payment.Payment.Id}/refunds";

        var first = await api.PostAsJsonAsync(url, new { reference = "rf-1", amount = 25.10m });
        var again = await api.PostAsJsonAsync(url, new { reference = "rf-1", amount = 25.10m });
        var changed = await api.PostAsJsonAsync(url, new { reference = "rf-1", amount = 26m });
        var tooMuch = await api.PostAsJsonAsync(url, new { reference = "rf-2", amount = 40m });
        var unknown = await api.PostAsJsonAsync($"/api/v1/payments/{Guid.NewGuid()}/refunds", new { reference = "rf-3", amount = 1m });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, again.StatusCode, changed.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("more than the payment", await tooMuch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        var stored = await db.PaymentRefunds.SingleAsync();
        Assert.Equal(("rf-1", 25.10m, "ch_api", "USD"), (stored.RefundId, stored.Amount, stored.PaymentReference, stored.Currency));
    }

    [Fact]
    public async Task PaymentsPage_ShowsTheRefundedAmountAndTheDispute()
    {
        await h.PayAsync("ch_page", h.PatientIds[0], 90m);
        await DeliverAsync("evt_p1", T0, Refund("re_p1", "ch_page", 40m, RefundStatus.Succeeded));
        await DeliverAsync("evt_p2", T0, Dispute("ch_page", DisputeStatus.UnderReview));

        var page = await (await Browser.SignedInAsync(h.App, admin)).GetPageAsync("/payments");

        Assert.Contains("Refunded 40.00 USD", page);
        Assert.Contains("Dispute: under review", page);
    }
}
