using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.NexHealth;

/// <summary>
/// Payments as NexHealth takes them, written from docs.nexhealth.com/v20240412/reference/postpaymenttransactions, /reference/payments,
/// /docs/webhooks and /docs/writes: <c>POST /payments</c> checks the request and answers 202 with no body; the payment reaches
/// the system on NexHealth's next write cycle, which a test runs (<see cref="RunWriteCycleAsync"/>): its rows (one POST can be
/// several, split by provider) appear in <c>GET /payments?transaction_id=</c> and a signed <c>payment_insertion.*</c> webhook
/// goes to <see cref="WebhookTarget"/>. Our choices where the documents are silent: a patient or payment type the practice
/// does not have is a 400, and so is a POST while the sync's write status is red.
/// </summary>
public sealed partial class NexHealthApiTestDouble
{
    public const string PaymentRows = "payments";
    public const string PaymentTypes = "payment_types";
    public const int MaxTransactionId = 50;

    private readonly List<Insertion> insertions = [];
    private readonly Queue<WriteEnding> endings = new();
    private readonly Queue<WebhookFault> webhookFaults = new();
    private readonly List<(string Body, string Timestamp)> heldWebhooks = [];
    private long nextPaymentRow = 70_000;
    private bool dropNextAnswer;

    /// <summary>The next payment is taken and its 202 lost on the way back (the connection drops).</summary>
    public void DropNextPaymentAnswer()
    {
        lock (gate)
        {
            dropNextAnswer = true;
        }
    }

    /// <summary>How many rows one POST becomes in the system (split by provider); the amounts add up to the cent.</summary>
    public int RowsPerPayment { get; set; } = 1;

    /// <summary>Where webhooks go (the connection's webhook address), through <see cref="WebhookClient"/>; none are sent without both.</summary>
    public Uri? WebhookTarget { get; set; }

    public HttpClient? WebhookClient { get; set; }

    /// <summary>The endpoint's <c>secret_key</c>, as <c>POST /webhook_endpoints</c> answers it.</summary>
    public string WebhookSecret { get; } = "nexwh_" + Guid.NewGuid().ToString("N");

    /// <summary>Every webhook delivered, with the status the target answered.</summary>
    public List<(string EventName, int Status)> WebhooksDelivered { get; } = [];

    /// <summary>Payments NexHealth took (202) so far.</summary>
    public int PaymentsTaken
    {
        get { lock (gate) { return insertions.Count; } }
    }

    /// <summary>How the next payment taken ends on the write cycle; <see cref="WriteEnding.Written"/> unless told.</summary>
    public void NextWriteEnds(WriteEnding ending)
    {
        lock (gate)
        {
            endings.Enqueue(ending);
        }
    }

    /// <summary>What happens to the next webhook sent.</summary>
    public void NextWebhook(WebhookFault fault)
    {
        lock (gate)
        {
            webhookFaults.Enqueue(fault);
        }
    }

    /// <summary>The payment rows in the system carrying <paramref name="transactionId"/>.</summary>
    public IReadOnlyList<JsonObject> PaymentsWith(string transactionId)
    {
        lock (gate)
        {
            return [.. (records.GetValueOrDefault(PaymentRows)?.Values.AsEnumerable() ?? []).Where(r => r.Body["transaction_id"]?.GetValue<string>() == transactionId).Select(r => (JsonObject)r.Body.DeepClone())];
        }
    }

    /// <summary>
    /// NexHealth's write cycle: every payment taken and not yet settled is written (its rows appear) or fails, and its webhook
    /// is sent; one that times out sends <c>.timed_out</c> now and is written, without another webhook, on the next cycle.
    /// </summary>
    public async Task RunWriteCycleAsync()
    {
        var events = new List<(string Name, JsonObject Data)>();
        lock (gate)
        {
            foreach (var insertion in insertions.Where(i => !i.Settled))
            {
                switch (insertion.Ending)
                {
                    case WriteEnding.Written:
                        events.Add(("payment_insertion.complete", Write(insertion)));
                        insertion.Settled = true;
                        break;
                    case WriteEnding.Failed:
                        events.Add(("payment_insertion.failed", (JsonObject)insertion.Payment.DeepClone()));
                        insertion.Settled = true;
                        break;
                    case WriteEnding.TimedOutThenWritten:
                        events.Add(("payment_insertion.timed_out", (JsonObject)insertion.Payment.DeepClone()));
                        insertion.Ending = WriteEnding.WrittenSilently;
                        break;
                    case WriteEnding.WrittenSilently:
                        Write(insertion);
                        insertion.Settled = true;
                        break;
                }
            }
        }
        foreach (var (name, data) in events)
        {
            await SendWebhookAsync("Payment", name, data);
        }
    }

    /// <summary>Sends the webhooks held back to arrive out of order.</summary>
    public async Task DeliverHeldWebhooksAsync()
    {
        List<(string Body, string Timestamp)> held;
        lock (gate)
        {
            held = [.. heldWebhooks];
            heldWebhooks.Clear();
        }
        foreach (var (body, timestamp) in held)
        {
            await DeliverAsync(body, timestamp);
        }
    }

    /// <summary>Signs <paramref name="body"/> as NexHealth does: hex HMAC-SHA256 of "{timestamp}.{base64(body)}" with the secret.</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(body))}")));

    /// <summary>Posts one event to the webhook target, signed with the endpoint's secret, now by the double's clock.</summary>
    public async Task SendWebhookAsync(string resourceType, string eventName, JsonObject data)
    {
        var body = new JsonObject
        {
            ["resource_type"] = resourceType, ["event_name"] = eventName, ["event_time"] = Stamp(clock.GetUtcNow()),
            ["delivery_errors"] = new JsonArray(), ["data"] = data,
        }.ToJsonString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        WebhookFault fault;
        lock (gate)
        {
            fault = webhookFaults.TryDequeue(out var next) ? next : WebhookFault.None;
            if (fault == WebhookFault.HeldForLater)
            {
                heldWebhooks.Add((body, timestamp));
            }
        }
        if (fault is WebhookFault.Lost or WebhookFault.HeldForLater)
        {
            return;
        }
        await DeliverAsync(body, timestamp);
        if (fault == WebhookFault.Duplicated)
        {
            await DeliverAsync(body, timestamp);
        }
    }

    private async Task DeliverAsync(string body, string timestamp)
    {
        if (WebhookClient is null || WebhookTarget is null)
        {
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookTarget) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("signature", Signature(WebhookSecret, timestamp, body));
        using var response = await WebhookClient.SendAsync(request);
        var name = JsonNode.Parse(body)!["event_name"]!.GetValue<string>();
        lock (gate)
        {
            WebhooksDelivered.Add((name, (int)response.StatusCode));
        }
    }

    private void MapPayments()
    {
        Put(PaymentTypes, [PaymentType(10, "Credit Card"), PaymentType(11, "Check"), PaymentType(12, "Cash")]);
        app.MapGet("/payment_types", context => Get(context, PaymentTypes, q => Financial() ?? AtLocation(q, required: false) ?? Whole(PaymentTypes, q)).ExecuteAsync(context));
        app.MapGet("/payments", context => Get(context, PaymentRows, q => Financial() ?? PaymentsIn(q)).ExecuteAsync(context));
        app.MapPost("/payments", async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            IResult result;
            lock (gate)
            {
                var (status, answer) = Check(context, PaymentRows, query) ?? Financial() ?? AtLocation(query, required: true) ?? TakePayment(body);
                Record(context, status);
                context.Response.Headers.Date = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
                result = status == 202 ? Results.StatusCode(202) : Results.Json(answer, statusCode: status);
                if (status == 202 && dropNextAnswer)
                {
                    dropNextAnswer = false;
                    context.Abort();
                    return;
                }
            }
            await result.ExecuteAsync(context);
        });
    }

    private static JsonObject PaymentType(long id, string name) => new() { ["id"] = id, ["name"] = name, ["active"] = true, ["location_id"] = LocationId };

    private (int, JsonObject) PaymentsIn(Dictionary<string, string> query)
    {
        string[] filters = ["patient_id", "guarantor_id", "charge_id", "claim_id", "transaction_id", "updated_since"];
        if (!filters.Any(query.ContainsKey))
        {
            return (400, Envelope.Failure($"At least one of {string.Join(", ", filters)} must be provided"));
        }
        var transaction = query.GetValueOrDefault("transaction_id");
        var patient = query.GetValueOrDefault("patient_id");
        var deleted = query.GetValueOrDefault("include_deleted") == "true";
        return Page(PaymentRows, query, sortable: true, r =>
            (transaction is null || r.Body["transaction_id"]?.GetValue<string>() == transaction)
            && (patient is null || r.Body["patient_id"]?.ToString() == patient)
            && (deleted || r.Body["deleted_at"] is null));
    }

    // Callers hold the gate.
    private (int, JsonObject) TakePayment(string body)
    {
        if (!string.Equals(WriteStatus, "green", StringComparison.OrdinalIgnoreCase))
        {
            return (400, Envelope.Failure("The location's sync is not writing to the health record system (write_status red)."));
        }
        JsonObject? payment;
        try
        {
            payment = JsonNode.Parse(body)?["payment"] as JsonObject;
        }
        catch (JsonException)
        {
            return (400, Envelope.Failure("The request body is not JSON."));
        }
        if (payment is null)
        {
            return (400, Envelope.Failure("payment is missing"));
        }
        var missing = new[] { "patient_id", "amount", "transaction_id" }.Where(f => payment[f] is null).ToList();
        if (payment["payment_type_id"] is null && payment["type_name"] is null)
        {
            missing.Add("payment_type_id or type_name");
        }
        if (missing.Count > 0)
        {
            return (400, Envelope.Failure($"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing"));
        }
        if (payment["transaction_id"] is not JsonValue transaction || !transaction.TryGetValue<string>(out var transactionId) || transactionId.Length > MaxTransactionId)
        {
            return (400, Envelope.Failure($"transaction_id must be a string of at most {MaxTransactionId} characters"));
        }
        if (payment["amount"] is not JsonValue amountValue || !amountValue.TryGetValue<decimal>(out var amount) || amount == 0m)
        {
            return (400, Envelope.Failure("amount must be a non-zero number"));
        }
        if (payment["patient_id"] is not JsonValue patientValue || !patientValue.TryGetValue<long>(out var patientId)
            || records.GetValueOrDefault(Patients)?.ContainsKey(patientId) != true)
        {
            return (400, Envelope.Failure("patient_id is not a patient of this institution"));
        }
        if (payment["payment_type_id"] is JsonValue typeValue
            && (!typeValue.TryGetValue<long>(out var typeId) || records.GetValueOrDefault(PaymentTypes)?.ContainsKey(typeId) != true))
        {
            return (400, Envelope.Failure("payment_type_id is not a payment type of this location"));
        }
        insertions.Add(new Insertion((JsonObject)payment.DeepClone(), transactionId, patientId, amount, endings.TryDequeue(out var ending) ? ending : WriteEnding.Written));
        return (202, new JsonObject());
    }

    // Callers hold the gate. The rows add up to the amount to the cent; the first is named in the webhook.
    private JsonObject Write(Insertion insertion)
    {
        var cents = (long)(insertion.Amount * 100m);
        var parts = Math.Max(1, RowsPerPayment);
        JsonObject? first = null;
        for (var i = 0; i < parts; i++)
        {
            var share = cents / parts + (i < Math.Abs(cents % parts) ? Math.Sign(cents) : 0);
            var id = ++nextPaymentRow;
            var row = new JsonObject
            {
                ["id"] = id, ["patient_id"] = insertion.PatientId, ["guarantor_id"] = insertion.PatientId, ["provider_id"] = 101 + i,
                ["payment_amount"] = new JsonObject { ["amount"] = (share / 100m).ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = "USD" },
                ["paid_at"] = insertion.Payment["paid_at"]?.GetValue<string>(), ["transaction_id"] = insertion.TransactionId,
                ["payment_type_id"] = insertion.Payment["payment_type_id"]?.DeepClone(), ["charge_id"] = null, ["claim_id"] = null, ["insurance_plan_id"] = null,
                ["foreign_id"] = (id + 900_000).ToString(CultureInfo.InvariantCulture), ["foreign_id_type"] = "msg-dentrix-DataSource-100", ["deleted_at"] = null,
            };
            PutAt(PaymentRows, id, row);
            first ??= (JsonObject)row.DeepClone();
        }
        return first!;
    }

    private sealed class Insertion(JsonObject payment, string transactionId, long patientId, decimal amount, WriteEnding ending)
    {
        public JsonObject Payment { get; } = payment;
        public string TransactionId { get; } = transactionId;
        public long PatientId { get; } = patientId;
        public decimal Amount { get; } = amount;
        public WriteEnding Ending { get; set; } = ending;
        public bool Settled { get; set; }
    }
}

/// <summary>How a payment NexHealth took ends on its write cycle.</summary>
public enum WriteEnding
{
    /// <summary>Written, <c>payment_insertion.complete</c>.</summary>
    Written,

    /// <summary>Not written, <c>payment_insertion.failed</c> (no reason given).</summary>
    Failed,

    /// <summary><c>payment_insertion.timed_out</c>, then written on the next cycle without another webhook.</summary>
    TimedOutThenWritten,

    /// <summary>Written on this cycle without a webhook.</summary>
    WrittenSilently,
}

public enum WebhookFault
{
    None,
    Lost,
    Duplicated,

    /// <summary>Held until <see cref="NexHealthApiTestDouble.DeliverHeldWebhooksAsync"/>: it arrives after those sent later.</summary>
    HeldForLater,
}
