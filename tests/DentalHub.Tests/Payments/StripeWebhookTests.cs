using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Stripe;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payments;

/// <summary>Stripe posting signed charge events to a practice's webhook address.</summary>
public sealed class StripePostingChargeEvents : IAsyncLifetime
{
    private const string Secret = StripeWebhooks.Secret;
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private TestPractice practice = default!;
    private Guid stripeConnection;
    private Guid patientId;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Stripe Dental");
        stripeConnection = await app.ConnectStripeAsync(practice);
        await using var db = app.Databases.Create(practice.Tenant);
        var patient = new DentalHub.Patients.Patient { PracticeId = practice.PracticeId, FirstName = "Ivy", LastName = "Card", BirthDate = new DateOnly(1991, 1, 1), MatchKey = "ivy|card|1991-01-01" };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        patientId = patient.Id;
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task TerminalCharge_SignedAndDeliveredTwice_IsOnePaymentWithItsFee()
    {
        var body = ChargeEvent("evt_1", "charge.succeeded", "ch_1", "card_present", patientId.ToString());

        var first = await PostAsync(body, Sign(body));
        var again = await PostAsync(body, Sign(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = app.Databases.Create(practice.Tenant);
        var payment = await db.Payments.SingleAsync();
        Assert.Equal((PaymentSource.CardTerminal, 125.50m, 3.94m, 121.56m, patientId), (payment.Source, payment.Gross, payment.Fee, payment.Net, payment.PatientId!.Value));
        Assert.Single(await db.PaymentEventReceipts.ToListAsync());
    }

    [Fact]
    public async Task SameCharge_ReportedByTwoEvents_IsOnePayment()
    {
        var charge = ChargeEvent("evt_2", "charge.succeeded", "ch_2", "card", patientId.ToString());
        var captured = ChargeEvent("evt_3", "charge.captured", "ch_2", "card", patientId.ToString());
        await PostAsync(charge, Sign(charge));
        await PostAsync(captured, Sign(captured));
        await using var db = app.Databases.Create(practice.Tenant);
        var payment = await db.Payments.SingleAsync();
        Assert.Equal(PaymentSource.Portal, payment.Source);
        Assert.Equal(2, await db.PaymentEventReceipts.CountAsync());
    }

    [Fact]
    public async Task BadSignature_IsRefusedAndRecordsNothing()
    {
        var body = ChargeEvent("evt_4", "charge.succeeded", "ch_4", "card", patientId.ToString());
        var response = await PostAsync(body, Sign(body, secret: "whsec_wrong"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BadSignature", await response.Content.ReadAsStringAsync());
        await using var db = app.Databases.Create(practice.Tenant);
        Assert.Empty(await db.Payments.ToListAsync());
    }

    [Fact]
    public async Task StaleSignature_IsRefused()
    {
        var body = ChargeEvent("evt_5", "charge.succeeded", "ch_5", "card", patientId.ToString());
        var response = await PostAsync(body, Sign(body, at: TimeProvider.System.GetUtcNow().AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("StaleTimestamp", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PaymentForUnknownPatient_IsKeptUnassignedNotDropped()
    {
        var body = ChargeEvent("evt_6", "charge.succeeded", "ch_6", "card", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, Sign(body))).StatusCode);
        await using var db = app.Databases.Create(practice.Tenant);
        var payment = await db.Payments.SingleAsync();
        Assert.Null(payment.PatientId);
        Assert.Contains("Assign it to a patient", payment.WritebackNote);
    }

    [Fact]
    public async Task UnknownConnection_Is404()
    {
        var body = ChargeEvent("evt_7", "charge.succeeded", "ch_7", "card", patientId.ToString());
        var response = await client.PostAsync($"/webhooks/payments/{Guid.NewGuid()}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string signature) => client.PostSignedStripeEventAsync(stripeConnection, body, signature);

    private static string Sign(string body, string secret = Secret, DateTimeOffset? at = null) => StripeWebhooks.Sign(body, secret, at);

    private static string ChargeEvent(string eventId, string type, string chargeId, string methodType, string patient) => ChargeEventTemplate
        .Replace("@eventId@", eventId, StringComparison.Ordinal)
        .Replace("@type@", type, StringComparison.Ordinal)
        .Replace("@chargeId@", chargeId, StringComparison.Ordinal)
        .Replace("@methodType@", methodType, StringComparison.Ordinal)
        .Replace("@patient@", patient, StringComparison.Ordinal)
        .Replace("@StripeWebhookReader.ExpectedApiVersion@", StripeWebhookReader.ExpectedApiVersion, StringComparison.Ordinal);

    private const string ChargeEventTemplate = """
        {"id":"@eventId@","object":"event","api_version":"@StripeWebhookReader.ExpectedApiVersion@","created":1763800000,"livemode":false,"pending_webhooks":1,
         "request":{"id":null,"idempotency_key":null},"type":"@type@",
         "data":{"object":{"id":"@chargeId@","object":"charge","amount":12550,"amount_captured":12550,"amount_refunded":0,"captured":true,"currency":"usd",
           "paid":true,"refunded":false,"status":"succeeded","created":1763800000,"livemode":false,"payment_intent":"pi_@chargeId@",
           "payment_method_details":{"type":"@methodType@"},
           "balance_transaction":{"id":"txn_@chargeId@","object":"balance_transaction","amount":12550,"fee":394,"net":12156,"currency":"usd",
             "fee_details":[{"amount":394,"currency":"usd","type":"stripe_fee","description":"Stripe processing fees"}],"reporting_category":"charge","source":"@chargeId@","type":"charge","status":"available","created":1763800000},
           "metadata":{"dentalhub_patient_id":"@patient@"}}}}
        """;

}
