using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// Sends one request to the QuickBooks Online API with a bearer token, and says what came back. A 401 (or a fault of
/// code 3200) is answered by replacing the access token once and sending again: QuickBooks authenticates before it
/// does anything, so even a POST is certainly not applied. Nothing else is ever sent twice. Every answer's
/// <c>intuit_tid</c> is logged with the status (never bodies: they carry amounts).
/// </summary>
internal sealed class QuickBooksApi(HttpClient http, QuickBooksSettings settings, QuickBooksTokenManager tokens, TimeProvider time, ILogger logger)
{
    public const string MinorVersion = "75";

    public Task<QuickBooksAnswer> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, uri, null, cancellationToken);

    public Task<QuickBooksAnswer> PostAsync(Uri uri, string json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, uri, json, cancellationToken);

    private async Task<QuickBooksAnswer> SendAsync(HttpMethod method, Uri uri, string? json, CancellationToken cancellationToken)
    {
        string accessToken;
        try
        {
            accessToken = await tokens.AccessTokenAsync(cancellationToken);
        }
        catch (QuickBooksTokenException e)
        {
            return new QuickBooksAnswer.NoToken(e);
        }
        var answer = await SendOnceAsync(method, uri, json, accessToken, cancellationToken);
        if (answer is not QuickBooksAnswer.Answered { IsAuthenticationFailure: true })
        {
            return answer;
        }
        try
        {
            accessToken = await tokens.ReplaceAsync(accessToken, cancellationToken);
        }
        catch (QuickBooksTokenException e)
        {
            return new QuickBooksAnswer.NoToken(e);
        }
        return await SendOnceAsync(method, uri, json, accessToken, cancellationToken);
    }

    private async Task<QuickBooksAnswer> SendOnceAsync(HttpMethod method, Uri uri, string? json, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var tid = response.Headers.TryGetValues("intuit_tid", out var values) ? values.FirstOrDefault() : null;
            logger.LogInformation("QuickBooks {Method} {Path} answered {Status}, intuit_tid {IntuitTid}",
                method.Method, uri.AbsolutePath, (int)response.StatusCode, tid ?? "none");
            return new QuickBooksAnswer.Answered((int)response.StatusCode, body, QuickBooksFault.In(body), RetryAfter(response));
        }
        catch (HttpRequestException e) when (NeverSent(e))
        {
            logger.LogInformation("QuickBooks {Method} {Path} could not connect", method.Method, uri.AbsolutePath);
            return new QuickBooksAnswer.NoAnswer(CertainlyNotApplied: true, QuickBooksMessages.Unreachable(settings));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            logger.LogInformation("QuickBooks {Method} {Path}: connection lost before the answer", method.Method, uri.AbsolutePath);
            return new QuickBooksAnswer.NoAnswer(CertainlyNotApplied: false, QuickBooksMessages.Dropped);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("QuickBooks {Method} {Path}: no answer within {Timeout}", method.Method, uri.AbsolutePath, settings.RequestTimeout);
            return new QuickBooksAnswer.NoAnswer(CertainlyNotApplied: false, QuickBooksMessages.NoAnswer(settings));
        }
    }

    /// <summary>The connection was never made, so nothing reached QuickBooks.</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

/// <summary>What one API call came to.</summary>
internal abstract record QuickBooksAnswer
{
    private QuickBooksAnswer()
    {
    }

    /// <summary>QuickBooks answered; <paramref name="Fault"/> is set when the body carries one, whatever the status (200 included).</summary>
    public sealed record Answered(int Status, string Body, QuickBooksFault? Fault, TimeSpan? RetryAfter) : QuickBooksAnswer
    {
        public bool IsAuthenticationFailure => Status == 401 || Fault?.IsAuthentication == true;

        public bool Succeeded => Status is >= 200 and < 300 && Fault is null;
    }

    /// <summary>No answer: the request may have been applied unless <paramref name="CertainlyNotApplied"/>.</summary>
    public sealed record NoAnswer(bool CertainlyNotApplied, string Reason) : QuickBooksAnswer;

    /// <summary>No usable access token, so nothing was sent.</summary>
    public sealed record NoToken(QuickBooksTokenException Problem) : QuickBooksAnswer;
}
