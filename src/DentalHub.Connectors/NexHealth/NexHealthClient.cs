using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DentalHub.Connectors.NexHealth.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// The calls DentalHub makes to NexHealth's Synchronizer API. Every request carries <c>Nex-Api-Version</c> (without it
/// NexHealth answers 404) and a bearer token from <c>POST /authenticates</c>, is paced within the key's rate limits, and
/// is retried on 429 (waiting out the limit's window; no Retry-After is documented), 5xx and dropped connections with
/// backoff. A 401 with a token fetches a new token once and tries again. An answer with <c>code: false</c> is a failure
/// whatever its status.
/// </summary>
/// <param name="writes">A client for writes: a POST is sent once (a timeout and no retry), as a retried POST could be taken twice.</param>
internal sealed class NexHealthClient(HttpClient http, NexHealthSettings settings, ApiKeyState key, TimeProvider time, int maxRetries = NexHealthClient.ReadRetries, bool writes = false)
{
    public const string ApiVersion = "v3.0.0";
    public const int ReadRetries = 8;
    public const int CheckRetries = 1;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>A 429 waits at most a minute: the longest of NexHealth's windows.</summary>
    public static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromMinutes(1);

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline = writes
        ? new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(AttemptTimeout).Build()
        : Pipeline(time, key.Pacer, maxRetries);

    public NexHealthSettings Settings => settings;

    /// <summary>
    /// <c>GET /{path}?subdomain=…&amp;{query}</c>: the envelope of a successful answer and the time NexHealth's server gave
    /// it (its <c>Date</c> header, when sent); a failure is thrown as <see cref="NexHealthApiException"/>.
    /// </summary>
    /// <param name="forbidden">What a 403 means here; by default that the key cannot reach the practice.</param>
    public async Task<(NexEnvelope Envelope, DateTimeOffset? ServerTime)> GetAsync(
        string path, IEnumerable<KeyValuePair<string, string>> query, string what, CancellationToken cancellationToken, string? forbidden = null)
    {
        var uri = settings.Endpoint(path, query);
        var token = await key.Tokens.TokenAsync(AuthenticateAsync, cancellationToken);
        var (status, envelope, date) = await SendAsync(HttpMethod.Get, uri, $"Bearer {token}", what, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            // The token lapsed or was revoked mid-read: one new token, one more try.
            key.Tokens.Refused(token);
            token = await key.Tokens.TokenAsync(AuthenticateAsync, cancellationToken);
            (status, envelope, date) = await SendAsync(HttpMethod.Get, uri, $"Bearer {token}", what, cancellationToken);
        }
        if (status != HttpStatusCode.OK || envelope.Code == false)
        {
            throw new NexHealthApiException(status switch
            {
                HttpStatusCode.OK => NexHealthMessages.Failed(envelope.Errors),
                HttpStatusCode.Forbidden when forbidden is not null => forbidden,
                _ => NexHealthMessages.For(status, envelope.Errors, settings),
            }, status);
        }
        return (envelope, date);
    }

    /// <summary>
    /// <c>POST /{path}?subdomain=…&amp;{query}</c> with a JSON body, sent once (a 401 with a lapsed token fetches a new token
    /// and sends once more: NexHealth took nothing). What came back is returned, not thrown: the writer decides what it means.
    /// </summary>
    public async Task<NexPostAnswer> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> query, string json, CancellationToken cancellationToken)
    {
        var uri = settings.Endpoint(path, query);
        string token;
        try
        {
            token = await key.Tokens.TokenAsync(AuthenticateAsync, cancellationToken);
        }
        catch (NexHealthApiException e)
        {
            return new NexPostAnswer(null, Empty, e.Message, NeverSent: true);
        }
        var answer = await PostOnceAsync(uri, json, token, cancellationToken);
        if (answer.Status != HttpStatusCode.Unauthorized)
        {
            return answer;
        }
        key.Tokens.Refused(token);
        try
        {
            token = await key.Tokens.TokenAsync(AuthenticateAsync, cancellationToken);
        }
        catch (NexHealthApiException e)
        {
            return new NexPostAnswer(HttpStatusCode.Unauthorized, Empty, e.Message, NeverSent: true);
        }
        return await PostOnceAsync(uri, json, token, cancellationToken);
    }

    private async Task<NexPostAnswer> PostOnceAsync(Uri uri, string json, string token, CancellationToken cancellationToken)
    {
        var endpoint = NexHealthLimits.EndpointOf(uri.AbsolutePath[settings.BaseUrl.AbsolutePath.Length..]);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token2 =>
            {
                await key.Pacer.WaitTurnAsync(endpoint, token2);
                using var request = new HttpRequestMessage(HttpMethod.Post, uri);
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
                request.Headers.TryAddWithoutValidation("Nex-Api-Version", ApiVersion);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token2);
            }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            NexEnvelope? envelope = null;
            try
            {
                envelope = body.Length == 0 ? null : JsonSerializer.Deserialize<NexEnvelope>(body, NexEnvelope.Json);
            }
            catch (JsonException)
            {
                // A 202 has no body; an error page is not an envelope: the status says enough.
            }
            return new NexPostAnswer(response.StatusCode, envelope ?? Empty, null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError)
        {
            return new NexPostAnswer(null, Empty, NexHealthMessages.Unreachable(settings), NeverSent: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new NexPostAnswer(null, Empty, "NexHealth's answer never came back.");
        }
    }

    private async Task<string> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var (status, envelope, _) = await SendAsync(HttpMethod.Post, new Uri(settings.BaseUrl, "authenticates"), settings.ApiKey, "a bearer token", cancellationToken);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.Created) || envelope.Code == false)
        {
            throw new NexHealthApiException(status == HttpStatusCode.Unauthorized ? NexHealthMessages.KeyRefused : NexHealthMessages.For(status, envelope.Errors, settings), status);
        }
        var token = envelope.Data?.Deserialize<NexToken>(NexEnvelope.Json)?.Token;
        return string.IsNullOrEmpty(token) ? throw new NexHealthApiException(NexHealthMessages.Unreadable("a bearer token"), status) : token;
    }

    private async Task<(HttpStatusCode Status, NexEnvelope Envelope, DateTimeOffset? Date)> SendAsync(HttpMethod method, Uri uri, string authorization, string what, CancellationToken cancellationToken)
    {
        var endpoint = NexHealthLimits.EndpointOf(uri.AbsolutePath[settings.BaseUrl.AbsolutePath.Length..]);
        var resilience = ResilienceContextPool.Shared.Get(endpoint, cancellationToken);
        try
        {
            using var response = await pipeline.ExecuteAsync(async context =>
            {
                await key.Pacer.WaitTurnAsync(endpoint, context.CancellationToken);
                using var request = new HttpRequestMessage(method, uri);
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
                request.Headers.TryAddWithoutValidation("Nex-Api-Version", ApiVersion);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.CancellationToken);
            }, resilience);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                var envelope = body.Length == 0 ? null : JsonSerializer.Deserialize<NexEnvelope>(body, NexEnvelope.Json);
                return (response.StatusCode, envelope ?? Empty, response.Headers.Date);
            }
            catch (JsonException e)
            {
                return response.IsSuccessStatusCode
                    ? throw new NexHealthApiException(NexHealthMessages.Unreadable(what), response.StatusCode, e)
                    : (response.StatusCode, Empty, response.Headers.Date);
            }
        }
        catch (HttpRequestException e)
        {
            throw new NexHealthApiException(NexHealthMessages.Unreachable(settings), innerException: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new NexHealthApiException(NexHealthMessages.TimedOut, innerException: e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    internal static readonly NexEnvelope Empty = new(null, null, null, null, null, null);

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeProvider time, RequestPacer pacer, int maxRetries) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstBackoff,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                    || args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                    || (int?)args.Outcome.Result?.StatusCode >= 500),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        return ValueTask.FromResult<TimeSpan?>(null);
                    }
                    // Not knowing which window was full, wait a second, then longer, up to the minute window; the whole
                    // endpoint holds meanwhile so concurrent reads do not keep knocking.
                    var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, args.AttemptNumber), LongestRateLimitWait.TotalSeconds));
                    pacer.Hold(args.Context.OperationKey ?? "", wait);
                    return ValueTask.FromResult<TimeSpan?>(wait);
                },
            })
            .AddTimeout(AttemptTimeout)
            .Build();
}

/// <summary>What a POST got back: a status and envelope, or no answer (<paramref name="Problem"/> says why); <paramref name="NeverSent"/> when nothing left.</summary>
internal sealed record NexPostAnswer(HttpStatusCode? Status, NexEnvelope Envelope, string? Problem, bool NeverSent = false);
