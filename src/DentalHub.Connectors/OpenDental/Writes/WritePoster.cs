using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using Polly;
using Polly.Timeout;

namespace DentalHub.Connectors.OpenDental.Writes;

/// <summary>
/// Sends one POST that creates a record (<c>POST /payments</c>, <c>POST /commlogs</c>) or one PUT that changes one
/// (<c>PUT /appointments/{AptNum}/Break</c>), exactly once, and says what is known about it afterwards. A POST is not
/// idempotent: its pipeline (PUTs share it) has a timeout and no retry, and
/// the body is sent with a Content-Length and without "Expect: 100-continue", so HttpClient never resends it
/// either (dotnet/runtime#86714 concerns only requests whose body was not sent).
/// </summary>
internal sealed class WritePoster(HttpClient http, ApiSettings settings, ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider time)
{
    public static WritePoster Create(ApiSettings settings, ConnectorContext context) => new(
        context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName),
        settings,
        ApiResilience.CreateForWrites(context.Time, settings.RequestTimeout),
        context.Time);

    /// <summary>The client a writer reads back with (what it wrote, or the record before changing it): the checks' few retries.</summary>
    public static OpenDentalApiClient ReadBack(ApiSettings settings, ConnectorContext context) => new(
        context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName),
        settings,
        ApiResilience.Create(context.Time, ApiResilience.CheckRetries, settings.RequestTimeout));

    public Task<WriteOutcome> PostAsync(string path, string body, WriteMessages messages, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, messages, changedId: null, cancellationToken);

    /// <summary>A PUT to an existing record: Open Dental's answer need not name it, <paramref name="changedId"/> does.</summary>
    public Task<WriteOutcome> PutAsync(string path, string body, WriteMessages messages, long changedId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, messages, changedId, cancellationToken);

    private async Task<WriteOutcome> SendAsync(
        HttpMethod method, string path, string body, WriteMessages messages, long? changedId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(method, settings.Endpoint(path, []));
                request.Headers.TryAddWithoutValidation("Authorization", settings.Authorization);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new WriteOutcome.Unknown(messages.NoAnswer(settings));
        }
        catch (HttpRequestException e) when (NeverSent(e))
        {
            return new WriteOutcome.TryLater(messages.Unreachable(settings), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new WriteOutcome.Unknown(messages.Dropped);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, shorter than ours: the request was out, the answer was not.
            return new WriteOutcome.Unknown(messages.NoAnswer(settings));
        }
        using (response)
        {
            return await OutcomeAsync(response, messages, changedId, cancellationToken);
        }
    }

    /// <summary>The connection was never made, so nothing reached Open Dental.</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private async Task<WriteOutcome> OutcomeAsync(HttpResponseMessage response, WriteMessages messages, long? changedId, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            return (changedId ?? CreatedId(text, messages.IdField)) is { } id
                ? new WriteOutcome.Written(id.ToString(CultureInfo.InvariantCulture))
                : new WriteOutcome.Unknown(messages.NoId);
        }
        var explanation = ApiMessages.Explanation(text);
        return response.StatusCode switch
        {
            // Keys refused: no write of any kind goes until a person fixes the connection (one alert on it, not one per write).
            HttpStatusCode.Unauthorized => new WriteOutcome.Unavailable(messages.KeysRefused),
            // Forbidden: the keys work, but not for this kind of write (an API permission the office has not given).
            HttpStatusCode.Forbidden => new WriteOutcome.Refused(messages.KeysRefused),
            // Open Dental answers 404 "Patient not found."; a 404 without a word is the wrong address.
            HttpStatusCode.NotFound when explanation.Length == 0 =>
                new WriteOutcome.Refused(ApiMessages.For(HttpStatusCode.NotFound, null, settings)),
            // A rate limit answers before the request is handled: certainly not recorded.
            HttpStatusCode.TooManyRequests => new WriteOutcome.TryLater(messages.Throttled, ApiResilience.RetryAfter(response, time)),
            // Open Dental's remote API is relayed to the office's eConnector: a 5xx (even a 503 with
            // Retry-After) may come after the office recorded the write. 408 likewise.
            HttpStatusCode.RequestTimeout => new WriteOutcome.Unknown(messages.ServerError(status)),
            _ when status >= 500 => new WriteOutcome.Unknown(messages.ServerError(status)),
            _ when status >= 400 => new WriteOutcome.Refused(messages.Refused(status, explanation)),
            _ => new WriteOutcome.Unknown(messages.Unexpected(status)),
        };
    }

    /// <summary>
    /// The id of the record Open Dental created, from the object it answers with; null when the answer has none
    /// (versions before 23.3.7 answer POST /commlogs without the commlog).
    /// </summary>
    private static long? CreatedId(string text, string idField)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(idField, out var id))
            {
                return null;
            }
            var number = id.ValueKind switch
            {
                JsonValueKind.Number when id.TryGetInt64(out var n) => n,
                JsonValueKind.String when long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => 0,
            };
            return number > 0 ? number : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
