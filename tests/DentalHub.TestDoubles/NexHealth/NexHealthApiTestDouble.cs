using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DentalHub.TestDoubles.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.NexHealth;

/// <summary>
/// A test double of NexHealth's Synchronizer API for one practice (institution) with one location, a Kestrel server on
/// 127.0.0.1 holding NexHealth's copy of the practice's system in memory. Written from NexHealth's public documentation,
/// found with the search tool:
/// <list type="bullet">
/// <item>docs.nexhealth.com/reference/postauthenticates.md, /v3.1.0/reference/authenticates, /reference/authentication-1:
/// <c>POST /authenticates</c> with the key in <c>Authorization</c> answers 201 and a JWT bearer token lasting an hour in
/// production (a day in the sandbox); every other call needs <c>Authorization: Bearer</c>, else 401.</item>
/// <item>docs.nexhealth.com/reference/errors and /docs/when-something-breaks: the envelope (<c>code</c>, <c>description</c>,
/// <c>error</c>, <c>data</c>); 401 for a refused key or token, 403 "You don't have access to perform this action." for a
/// subdomain, location or endpoint the key cannot reach, 404 without the <c>Nex-Api-Version</c> header, 429 over the limits.</item>
/// <item>docs.nexhealth.com/v2.2.2/reference/rate-limiting: per key 100 requests a second (10 for <c>GET /appointments</c>),
/// 1,000 a minute for patients and appointments, 2,000 for others (counted here per endpoint, sliding windows on the double's
/// clock); no Retry-After is documented, so none is sent.</item>
/// <item>The OpenAPI v3.0.0 / v20240412 (docs.nexhealth.com/v20240412/openapi/nexhealth-api.json, read from its copy in
/// api-evangelist/nexhealth): <c>subdomain</c> on every call, <c>location_id</c> required by patients and operatories,
/// <c>start</c>/<c>end</c> by appointments; <c>per_page</c> defaulting to 5, at most 1000; <c>start_cursor</c>/<c>end_cursor</c>
/// and <c>page_info</c>; <c>updated_since</c> ("at or after"); <c>sort</c> by id or updated_at; the field names of each record
/// and of <c>GET /sync_status</c> (<c>emr</c>, <c>read_status</c>, <c>write_status</c>, their times, <c>locations</c>).</item>
/// </list>
/// What the documents leave open is our choice and says so: the message of a 429 and of a <c>per_page</c> over 1000 (a 400),
/// the error texts of 401 and 404. Payments (<c>POST /payments</c>, the write cycle and its webhooks) are in
/// <c>NexHealthApiTestDouble.Payments.cs</c>. It can answer the next requests with a fault, inside a 200 envelope (<c>code: false</c>) too,
/// use up an endpoint's minute as another program on the same key would, and records every request.
/// </summary>
public sealed partial class NexHealthApiTestDouble : IAsyncDisposable
{
    public const string Subdomain = "bright-smiles";
    public const int LocationId = 7;
    public const int InstitutionId = 105;
    public const string NoAccess = "You don't have access to perform this action.";

    public const string Patients = "patients";
    public const string Providers = "providers";
    public const string Operatories = "operatories";
    public const string AppointmentTypes = "appointment_types";
    public const string Appointments = "appointments";
    public const string InsurancePlans = "insurance_plans";
    public const string InsuranceCoverages = "insurance_coverages";

    private static readonly string[] Versions = ["v3.0.0", "v20240412"];

    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly WebApplication app;
    private readonly Dictionary<string, DateTimeOffset> tokens = [];
    private readonly List<NexHealthRequest> requests = [];
    private readonly Queue<(HttpStatusCode Status, string Message)> faults = new();
    private readonly RateWindows limits;
    private int inFlight;

    private NexHealthApiTestDouble(TimeProvider clock, WebApplication app, NexHealthFlavour flavour)
    {
        this.clock = clock;
        this.app = app;
        limits = new RateWindows(clock);
        Flavour = flavour;
        ReadStatusAt = clock.GetUtcNow();
        WriteStatusAt = clock.GetUtcNow();
    }

    /// <param name="clock">NexHealth's clock: token lifetimes, rate windows and <c>updated_at</c> follow it.</param>
    /// <param name="flavour">The system behind NexHealth, as sync_status reports it; Dentrix unless given.</param>
    public static async Task<NexHealthApiTestDouble> StartAsync(TimeProvider? clock = null, NexHealthFlavour? flavour = null)
    {
        var app = LoopbackServer.Build();
        var api = new NexHealthApiTestDouble(clock ?? TimeProvider.System, app, flavour ?? NexHealthFlavour.Dentrix);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref api.inFlight);
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref api.inFlight);
            }
        });
        app.MapPost("/authenticates", api.Authenticate);
        api.MapLists();
        api.MapPayments();
        api.BaseUrl = await LoopbackServer.StartAsync(app);
        return api;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The API key this double accepts: its own, as NexHealth's limits and tokens are per key.</summary>
    public string ApiKey { get; } = "test-nexhealth-" + Guid.NewGuid().ToString("N");

    public NexHealthFlavour Flavour { get; set; }

    /// <summary>"green" or "red", as sync_status reports the sync's reads and writes.</summary>
    public string ReadStatus { get; set; } = "green";

    public string WriteStatus { get; set; } = "green";

    public DateTimeOffset ReadStatusAt { get; set; }

    public DateTimeOffset WriteStatusAt { get; set; }

    /// <summary>Whether NexHealth has turned on financial data (insurance, charges, payments) for the practice; on, as in the sandbox.</summary>
    public bool FinancialsEnabled { get; set; } = true;

    /// <summary>How long a token lasts: an hour, as in production.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Requests being answered right now: a test's clock moves only while none is, so none sees time jump.</summary>
    public bool Busy => Volatile.Read(ref inFlight) > 0;

    public IReadOnlyList<NexHealthRequest> Requests
    {
        get { lock (gate) { return requests.ToList(); } }
    }

    /// <summary>How many requests the double has answered.</summary>
    public int RequestCount
    {
        get { lock (gate) { return requests.Count; } }
    }

    /// <summary>How many tokens <c>POST /authenticates</c> issued.</summary>
    public int TokensIssued => Requests.Count(r => r.Path == "/authenticates" && r.Status == 201);

    /// <summary>The next <paramref name="count"/> requests but <c>POST /authenticates</c> fail with <paramref name="status"/>; 200 answers <c>code: false</c>.</summary>
    public void FailNext(int count, HttpStatusCode status, string message = "Injected failure.")
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                faults.Enqueue((status, message));
            }
        }
    }

    /// <summary>Another program on the same key used <paramref name="endpoint"/>'s whole minute just now.</summary>
    public void UseUpMinute(string endpoint)
    {
        lock (gate)
        {
            limits.UseUp(endpoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Authenticate(HttpContext context)
    {
        lock (gate)
        {
            var (status, body) = AuthenticateUnderGate(context);
            Record(context, status);
            context.Response.Headers.Date = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            return Results.Json(body, statusCode: status);
        }
    }

    private (int, JsonObject) AuthenticateUnderGate(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != ApiKey)
        {
            return (401, Envelope.Failure("Invalid Credentials"));
        }
        if (!limits.TryTake("authenticates"))
        {
            return (429, Envelope.Failure("Too many requests"));
        }
        var token = Token();
        tokens[token] = clock.GetUtcNow() + TokenLifetime;
        return (201, Envelope.Success(new JsonObject { ["token"] = token }, description: "Authenticated"));
    }

    /// <summary>
    /// Answers one GET under the gate, in the order NexHealth's errors page lists its checks: the version header, the token,
    /// the key's limits, then the practice; <paramref name="answer"/> (called under the gate) gives the rest.
    /// </summary>
    private IResult Get(HttpContext context, string endpoint, Func<Dictionary<string, string>, (int, JsonObject)> answer)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (gate)
        {
            var (status, body) = Check(context, endpoint, query) ?? answer(query);
            Record(context, status);
            context.Response.Headers.Date = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            return Results.Json(body, statusCode: status);
        }
    }

    private (int, JsonObject)? Check(HttpContext context, string endpoint, Dictionary<string, string> query)
    {
        if (!Versions.Contains(context.Request.Headers["Nex-Api-Version"].ToString()))
        {
            return (404, Envelope.Failure("Not Found"));
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            || !tokens.TryGetValue(authorization["Bearer ".Length..], out var expires) || clock.GetUtcNow() >= expires)
        {
            return (401, Envelope.Failure("Unauthorized"));
        }
        if (!limits.TryTake(endpoint))
        {
            return (429, Envelope.Failure("Too many requests"));
        }
        if (faults.TryDequeue(out var fault))
        {
            return ((int)fault.Status, Envelope.Failure(fault.Message));
        }
        if (!query.TryGetValue("subdomain", out var subdomain) || subdomain.Length == 0)
        {
            return (400, Envelope.Failure("subdomain is missing"));
        }
        return subdomain != Subdomain ? (403, Envelope.Failure(NoAccess)) : null;
    }

    // Callers hold the gate.
    private void Record(HttpContext context, int status) =>
        requests.Add(new NexHealthRequest(clock.GetUtcNow(), context.Request.Method, context.Request.Path,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), status,
            context.Request.Headers["Nex-Api-Version"].ToString()));

    /// <summary>Every token issued so far stops working now, as when NexHealth's hour is up before the client thought.</summary>
    public void ExpireTokens()
    {
        lock (gate)
        {
            foreach (var token in tokens.Keys.ToList())
            {
                tokens[token] = clock.GetUtcNow();
            }
        }
    }

    /// <summary>A JWT as NexHealth issues them (HS256; the claims its documented example carries), signed with a key of the double's.</summary>
    private string Token()
    {
        var now = clock.GetUtcNow();
        var header = Base64Url("""{"alg":"HS256"}""");
        var claims = Base64Url($$"""{"sub":"1","scp":"api_user","iat":{{now.ToUnixTimeSeconds()}},"exp":{{(now + TokenLifetime).ToUnixTimeSeconds()}},"jti":"{{Guid.NewGuid()}}"}""");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BaseUrl.ToString()), Encoding.UTF8.GetBytes($"{header}.{claims}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{claims}.{signature}";
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One request as the double answered it.</summary>
public sealed record NexHealthRequest(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Query, int Status, string ApiVersion);
