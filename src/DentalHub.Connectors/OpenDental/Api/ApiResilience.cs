using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// How API calls survive a busy or briefly unavailable Open Dental: 429 waits for Retry-After, 5xx,
/// timeouts and dropped connections retry with exponential backoff and jitter, a bounded number of
/// times. Refused keys (401/403) and other 4xx are answered at once. All waiting uses the
/// connector's TimeProvider.
/// </summary>
internal static class ApiResilience
{
    public const int ReadRetries = 5;
    public const int CheckRetries = 1;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A longer Retry-After is not waited out inside one sync: the next sync tries again.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);

    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider time, int maxRetries, TimeSpan attemptTimeout) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstBackoff,
                MaxDelay = LongestBackoff,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
            })
            .AddTimeout(attemptTimeout)
            .Build();

    /// <summary>
    /// For requests that create something (POST /payments): a timeout and nothing else. Sending a
    /// write again after a timeout, a 5xx or a dropped connection can record it twice; whether it
    /// arrived is settled by reading it back (see OpenDentalPaymentWriter), never by resending.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> CreateForWrites(TimeProvider time, TimeSpan attemptTimeout) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(attemptTimeout)
            .Build();

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }
        var response = outcome.Result!;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => RetryAfter(response, time) is not { } wait || wait <= LongestRetryAfter,
            HttpStatusCode.RequestTimeout => true,
            HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
            _ => (int)response.StatusCode >= 500,
        };
    }

    /// <summary>The server's Retry-After (seconds or an HTTP date), or null to use the backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
