using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// A test double of QuickBooks Online for one company: Intuit's OAuth server (QuickBooksOnlineTestDouble.OAuth.cs) and
/// the Accounting API v3 (QuickBooksOnlineTestDouble.Api.cs), a Kestrel server on 127.0.0.1 holding everything in
/// memory. Written from Intuit's public documentation and the notes in ../shared/reference/quickbooks.md. It can answer
/// the next API requests with a fault (<see cref="FailNext"/>), records every request, and, given Intuit's schema,
/// validates every Deposit body it receives and keeps the errors (<see cref="SchemaErrors"/>).
/// </summary>
public sealed partial class QuickBooksOnlineTestDouble : IAsyncDisposable
{
    public const string CompanyName = "Bright Smiles Dental";

    private readonly object gate = new();
    private readonly List<QboRequest> requests = [];
    private readonly Queue<QboFault> faults = new();
    private readonly Queue<QboFault> depositFaults = new();
    private readonly TimeProvider time;
    private readonly WebApplication app;
    private readonly DepositSchema? schema;

    private QuickBooksOnlineTestDouble(TimeProvider time, WebApplication app, DepositSchema? schema)
    {
        this.time = time;
        this.app = app;
        this.schema = schema;
        RealmId = "9130" + System.Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
    }

    /// <param name="clock">Intuit's clock: token lifetimes and rotation follow it.</param>
    /// <param name="schema">Intuit's Deposit schema; without it bodies are not validated.</param>
    public static async Task<QuickBooksOnlineTestDouble> StartAsync(TimeProvider? clock = null, DepositSchema? schema = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var qbo = new QuickBooksOnlineTestDouble(clock ?? TimeProvider.System, builder.Build(), schema);
        qbo.MapOAuth();
        qbo.MapApi();
        await qbo.app.StartAsync();
        var address = qbo.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        qbo.Root = new Uri(address.TrimEnd('/') + "/");
        return qbo;
    }

    /// <summary>The company (realmId); random per double, so doubles never share one.</summary>
    public string RealmId { get; }

    /// <summary>Where the API, the token and the revoke endpoints are (the API's base URL).</summary>
    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether Deposit bodies are checked against Intuit's schema.</summary>
    public bool ValidatesDeposits => schema is not null;

    /// <summary>The Retry-After header <see cref="QboFault.Throttled429"/> sends; null sends none.</summary>
    public string? ThrottleRetryAfter { get; set; } = "60";

    /// <summary>How long <see cref="QboFault.TimeoutAfterCommit"/> holds the answer.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<QboRequest> Requests
    {
        get { lock (gate) { return requests.ToList(); } }
    }

    /// <summary>How many refresh_token grants were asked for.</summary>
    public int Refreshes => Requests.Count(r => r.GrantType == "refresh_token");

    /// <summary>The API requests (not OAuth) made so far.</summary>
    public IReadOnlyList<QboRequest> ApiRequests => [.. Requests.Where(r => r.Path.StartsWith("/v3/", StringComparison.Ordinal))];

    /// <summary>The next <paramref name="count"/> API requests, whatever they are, get <paramref name="fault"/>.</summary>
    public void FailNext(QboFault fault, int count = 1) => Enqueue(faults, fault, count);

    /// <summary>The next <paramref name="count"/> deposit creates (POST /deposit) get <paramref name="fault"/>; other requests are served.</summary>
    public void FailNextDeposit(QboFault fault, int count = 1) => Enqueue(depositFaults, fault, count);

    private void Enqueue(Queue<QboFault> queue, QboFault fault, int count)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // Callers hold the gate.
    private void Record(HttpContext context, int status, string? grantType = null, string? bearer = null) =>
        requests.Add(new QboRequest(
            time.GetUtcNow(), context.Request.Method, context.Request.Path, QueryOf(context), status, grantType, bearer,
            context.Request.Query.TryGetValue("requestid", out var id) ? id.ToString() : null));

    private static Dictionary<string, string> QueryOf(HttpContext context) =>
        context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private string Now => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>A fault body as Intuit writes it.</summary>
    private JsonObject Fault(string type, params (string Code, string Message, string Detail, string Element)[] errors) => new()
    {
        ["Fault"] = new JsonObject
        {
            ["Error"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
            {
                ["Message"] = e.Message,
                ["Detail"] = e.Detail,
                ["code"] = e.Code,
                ["element"] = e.Element,
            })]),
            ["type"] = type,
        },
        ["time"] = Now,
    };
}
