using System.Globalization;
using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>NexHealth's webhooks as the connector reads them: signed with the endpoint's secret, recent, and understood.</summary>
public sealed class ReadingNexHealthWebhooks : IDisposable
{
    private const string Secret = "nexwh_test_secret";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public void Read_PaymentInsertionComplete_ReportsOurWriteWritten()
    {
        var read = Read(Body("payment_insertion.complete", new JsonObject { ["id"] = 70001, ["transaction_id"] = "DH-1" }));

        var report = Assert.IsType<PmsEventRead.Accepted>(read).Event.Write;
        Assert.Equal(new PmsWriteReport("DH-1", PmsWriteReportOutcome.Written, "70001", null), report);
    }

    [Fact]
    public void Read_PaymentInsertionFailed_ReportsAFailureThatNamesTheSystem()
    {
        var read = Read(Body("payment_insertion.failed", new JsonObject { ["transaction_id"] = "DH-1", ["patient_id"] = 415 }));

        var report = Assert.IsType<PmsEventRead.Accepted>(read).Event.Write!;
        Assert.Equal(PmsWriteReportOutcome.Failed, report.Outcome);
        Assert.Contains("Eaglesoft did not take the payment", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PaymentInsertionTimedOut_StillWaiting()
    {
        var read = Read(Body("payment_insertion.timed_out", new JsonObject { ["transaction_id"] = "DH-1" }));

        Assert.Equal(PmsWriteReportOutcome.StillWaiting, Assert.IsType<PmsEventRead.Accepted>(read).Event.Write!.Outcome);
    }

    [Fact]
    public void Read_PatientUpdated_NamesTheResourceToSync()
    {
        var read = Read(Body("patient_updated", new JsonObject { ["id"] = 415 }, resource: "Patient"));

        Assert.Equal("patients", Assert.IsType<PmsEventRead.Accepted>(read).Event.ChangedResource);
    }

    [Fact]
    public void Read_SameEventDeliveredTwice_SameKey()
    {
        var body = Body("payment_insertion.complete", new JsonObject { ["id"] = 1, ["transaction_id"] = "DH-1" });

        Assert.Equal(Key(Read(body)), Key(Read(body, at: Now.AddSeconds(30))));
    }

    [Fact]
    public void Read_BodyChangedAfterSigning_Rejected()
    {
        var body = Body("payment_insertion.complete", new JsonObject { ["transaction_id"] = "DH-1" });
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = NexHealthApiTestDouble.Signature(Secret, timestamp, body);

        var read = Connector().Read(body.Replace("DH-1", "DH-2", StringComparison.Ordinal), Headers(timestamp, signature));

        Assert.Contains("signature does not match", Assert.IsType<PmsEventRead.Rejected>(read).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SignedLongAgo_Rejected()
    {
        var body = Body("payment_insertion.complete", new JsonObject { ["transaction_id"] = "DH-1" });
        var timestamp = Now.AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var read = Connector().Read(body, Headers(timestamp, NexHealthApiTestDouble.Signature(Secret, timestamp, body)));

        Assert.Contains("timestamp", Assert.IsType<PmsEventRead.Rejected>(read).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConnectionWithoutSecret_Rejected()
    {
        var body = Body("payment_insertion.complete", new JsonObject { ["transaction_id"] = "DH-1" });
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var read = Connector(secret: null).Read(body, Headers(timestamp, NexHealthApiTestDouble.Signature(Secret, timestamp, body)));

        Assert.Contains("no webhook secret", Assert.IsType<PmsEventRead.Rejected>(read).Message, StringComparison.Ordinal);
    }

    private PmsEventRead Read(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Connector(at: at).Read(body, Headers(timestamp, NexHealthApiTestDouble.Signature(Secret, timestamp, body)));
    }

    private static string? Key(PmsEventRead read) => Assert.IsType<PmsEventRead.Accepted>(read).Event.Key;

    private static Func<string, string?> Headers(string timestamp, string signature) =>
        name => name switch { "timestamp" => timestamp, "signature" => signature, _ => null };

    private static string Body(string eventName, JsonObject data, string resource = "Payment") => new JsonObject
    {
        ["resource_type"] = resource, ["event_name"] = eventName, ["event_time"] = "2026-12-07T16:00:00.000Z", ["delivery_errors"] = new JsonArray(), ["data"] = data,
    }.ToJsonString();

    private IReceivesPmsEvents Connector(string? secret = Secret, DateTimeOffset? at = null)
    {
        var secrets = new Dictionary<string, string> { [NexHealthConnector.ApiKeyField] = "k" };
        if (secret is not null)
        {
            secrets[NexHealthConnector.WebhookSecretField] = secret;
        }
        return Assert.IsAssignableFrom<IReceivesPmsEvents>(NexHealthConnector.Descriptors.Single(d => d.SystemName == "Eaglesoft").Create(new(
            new(new Dictionary<string, string> { [NexHealthConnector.SubdomainField] = "x", [NexHealthConnector.LocationIdField] = "7" }, secrets),
            new FixedClock(at ?? Now), http)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
