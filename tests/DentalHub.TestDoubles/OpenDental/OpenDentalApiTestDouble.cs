using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// A test double of Open Dental's REST API: a Kestrel server on 127.0.0.1 holding patients in memory.
/// It follows Open Dental's public documentation:
/// <list type="bullet">
/// <item>https://opendental.com/site/apisetup.html: the <c>Authorization: ODFHIR {developer key}/{customer key}</c> header.</item>
/// <item>https://opendental.com/site/apiimplementation.html: Limit/Offset paging with at most 100 items per
/// request, PascalCase fields, "yyyy-MM-dd" dates and "yyyy-MM-dd HH:mm:ss" date-times.</item>
/// <item>https://opendental.com/site/apipatients.html: <c>GET /patients/Simple</c> with <c>DateTStamp</c> for recent
/// changes, its fields, statuses and genders as names ("Patient", "Female"), 0001-01-01 for no birthdate.</item>
/// <item>https://opendental.com/site/apiappointments.html: <c>serverDateTime</c> in every returned item, to be sent as
/// the next DateTStamp ("Only include ... with a DateTStamp altered after the specified date and time").</item>
/// <item>opndn.com forum thread f=9&amp;t=8348: results are not sorted by DateTStamp, so this double scrambles them.</item>
/// </list>
/// It can also answer the next requests with a failure (429 with Retry-After, 500, ...) and records every request.
/// Payments and definitions are in OpenDentalApiTestDouble.Payments.cs, commlogs in OpenDentalApiTestDouble.Commlogs.cs,
/// appointments in OpenDentalApiTestDouble.Appointments.cs.
/// </summary>
public sealed partial class OpenDentalApiTestDouble : IAsyncDisposable
{
    public const string DeveloperKey = "test-developer-key";
    public const string CustomerKey = "test-customer-key";
    public const int MaxLimit = 100;
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly object gate = new();
    private readonly Dictionary<long, DoublePatient> patients = [];
    private readonly Queue<(HttpStatusCode Status, string? RetryAfter)> failures = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly TimeProvider time;
    private readonly WebApplication app;
    private bool lastAnswerWasInjectedFailure;

    private OpenDentalApiTestDouble(TimeProvider time, WebApplication app)
    {
        this.time = time;
        this.app = app;
        paymentWrites = new DoubleWriteEndpoint(gate);
        CommlogWrites = new DoubleWriteEndpoint(gate);
        AdjustmentWrites = new DoubleWriteEndpoint(gate);
        AppointmentWrites = new DoubleWriteEndpoint(gate);
        ClaimWrites = new DoubleWriteEndpoint(gate);
        DocumentWrites = new DoubleWriteEndpoint(gate);
        PatientWrites = new DoubleWriteEndpoint(gate);
        PatFieldWrites = new DoubleWriteEndpoint(gate);
    }

    public static async Task<OpenDentalApiTestDouble> StartAsync(TimeProvider? officeClock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var api = new OpenDentalApiTestDouble(officeClock ?? TimeProvider.System, builder.Build());
        api.app.MapGet("/api/v1/patients/Simple", api.PatientsSimple);
        api.MapPayments();
        api.MapResources();
        api.MapAppointments();
        api.MapLedger();
        api.MapCommlogs();
        api.MapAdjustmentWrites();
        api.MapAppointmentWrites();
        api.MapClaimWrites();
        api.MapDocuments();
        api.MapNewPatients();
        await api.app.StartAsync();
        var address = api.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseUrl = new Uri(address.TrimEnd('/') + "/api/v1");
        return api;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The office's wall clock, which stamps changes and answers serverDateTime.</summary>
    public DateTime OfficeNow => Truncate(time.GetLocalNow().DateTime);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (gate) { return requests.ToList(); } }
    }

    /// <summary>True after an injected failure was answered, until the next request arrives.</summary>
    public bool AwaitingRetry
    {
        get { lock (gate) { return lastAnswerWasInjectedFailure; } }
    }

    public void Add(IEnumerable<DoublePatient> added)
    {
        lock (gate)
        {
            foreach (var patient in added)
            {
                patients[patient.PatNum] = patient;
            }
        }
    }

    /// <summary>Edits a patient the way Open Dental does: DateTStamp becomes the office's now.</summary>
    public void Change(long patNum, Func<DoublePatient, DoublePatient> edit)
    {
        lock (gate)
        {
            patients[patNum] = edit(patients[patNum]) with { DateTStamp = OfficeNow };
        }
    }

    public void FailNext(int count, HttpStatusCode status, string? retryAfter = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue((status, retryAfter));
            }
        }
    }

    /// <summary>Forgets the failures queued with <see cref="FailNext"/> that no GET has met yet.</summary>
    public void ClearFailures()
    {
        lock (gate)
        {
            failures.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult PatientsSimple(HttpContext context)
    {
        var query = QueryOf(context);
        lock (gate)
        {
            var (status, result) = Answer(context, query);
            Record(context, query, status);
            return result;
        }
    }

    private (int Status, IResult Result) Answer(HttpContext context, Dictionary<string, string> query)
    {
        lastAnswerWasInjectedFailure = false;
        if (!Authorized(context))
        {
            return (401, Results.Text("Invalid authorization.", statusCode: 401));
        }
        if (InjectedFailure(context) is { } failure)
        {
            return failure;
        }
        DateTime? since = null;
        if (query.TryGetValue("DateTStamp", out var stampText))
        {
            if (!DateTime.TryParseExact(stampText, [DateTimeFormat, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (400, Results.Text("DateTStamp is not in a valid format.", statusCode: 400));
            }
            since = parsed;
        }
        var limit = Math.Min(Number(query, "Limit", MaxLimit), MaxLimit);
        var offset = Number(query, "Offset", 0);
        var serverDateTime = OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var page = patients.Values
            .Where(p => since is null || p.DateTStamp > since)
            .Where(p => Matches(query, p))
            .OrderBy(p => (p.PatNum * 2_654_435_761L) % 1_000_003)
            .Skip(offset)
            .Take(limit)
            .Select(p => p.ToJson(serverDateTime))
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    /// <summary>The next failure queued with <see cref="FailNext"/>, for any GET. Callers hold the gate.</summary>
    private (int Status, IResult Result)? InjectedFailure(HttpContext context)
    {
        if (!failures.TryDequeue(out var failure))
        {
            return null;
        }
        lastAnswerWasInjectedFailure = true;
        if (failure.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = failure.RetryAfter;
        }
        return ((int)failure.Status, Results.Text("Injected failure.", statusCode: (int)failure.Status));
    }

    /// <summary>
    /// Answers one GET under the gate and records it: 401 without the keys, the next injected failure when one is
    /// queued, else what <paramref name="answer"/> says (called under the gate).
    /// </summary>
    private IResult Get(HttpContext context, Func<Dictionary<string, string>, (int Status, IResult Result)> answer)
    {
        var query = QueryOf(context);
        lock (gate)
        {
            lastAnswerWasInjectedFailure = false;
            var (status, result) = !Authorized(context)
                ? (401, Results.Text("Invalid authorization.", statusCode: 401))
                : InjectedFailure(context) ?? answer(query);
            Record(context, query, status);
            return result;
        }
    }

    /// <summary>
    /// The PatNum filter of a list (<c>GET /payments?PatNum=</c>): <paramref name="patNum"/> null when absent, the
    /// 400 or 404 Open Dental answers when it is not a number or not a patient. Callers hold the gate.
    /// </summary>
    private (int Status, IResult Result)? PatientFilter(Dictionary<string, string> query, out long? patNum)
    {
        patNum = null;
        if (!query.TryGetValue("PatNum", out var patText))
        {
            return null;
        }
        if (!long.TryParse(patText, CultureInfo.InvariantCulture, out var parsed))
        {
            return (400, Results.Text("PatNum is invalid.", statusCode: 400));
        }
        if (!patients.ContainsKey(parsed))
        {
            return (404, Results.Text("Patient not found.", statusCode: 404));
        }
        patNum = parsed;
        return null;
    }

    private static bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == $"ODFHIR {DeveloperKey}/{CustomerKey}";

    // Callers hold the gate.
    private void Record(HttpContext context, IReadOnlyDictionary<string, string> query, int status) =>
        requests.Add(new RecordedRequest(time.GetUtcNow(), context.Request.Path, query, status, context.Request.Method));

    private static Dictionary<string, string> QueryOf(HttpContext context) =>
        context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static int Number(Dictionary<string, string> query, string name, int fallback) =>
        query.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;

    private static DateTime Truncate(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
}

/// <summary>One request as the double answered it; Status 0 means the connection was dropped without an answer.</summary>
public sealed record RecordedRequest(DateTimeOffset At, string Path, IReadOnlyDictionary<string, string> Query, int Status, string Method = "GET");
