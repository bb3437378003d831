using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using Polly;
using Polly.Timeout;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>
/// Sends one <c>POST /payments</c>, exactly once, and says what is known about it afterwards. A POST
/// is not idempotent: its pipeline has a timeout and no retry, and the body is sent with a
/// Content-Length and without "Expect: 100-continue", so HttpClient never resends it either
/// (dotnet/runtime#86714 concerns only requests whose body was not sent).
/// </summary>
internal sealed class PaymentPoster(HttpClient http, ApiSettings settings, ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider time)
{
    public async Task<WriteOutcome> PostAsync(ApiPaymentPost body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint("payments", []));
                request.Headers.TryAddWithoutValidation("Authorization", settings.Authorization);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Content = new StringContent(body.ToJson(), Encoding.UTF8, "application/json");
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new WriteOutcome.Unknown(PaymentMessages.NoAnswer(settings));
        }
        catch (HttpRequestException e) when (NeverSent(e))
        {
            return new WriteOutcome.TryLater(PaymentMessages.Unreachable(settings), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new WriteOutcome.Unknown(PaymentMessages.Dropped);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, shorter than ours: the request was out, the answer was not.
            return new WriteOutcome.Unknown(PaymentMessages.NoAnswer(settings));
        }
        using (response)
        {
            return await OutcomeAsync(response, cancellationToken);
        }
    }

    /// <summary>The connection was never made, so nothing reached Open Dental.</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private async Task<WriteOutcome> OutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            return await WrittenAsync(response, cancellationToken);
        }
        var explanation = ApiMessages.Explanation(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new WriteOutcome.Refused(ApiMessages.KeysRefused),
            // Open Dental answers 404 "Patient not found."; a 404 without a word is the wrong address.
            HttpStatusCode.NotFound when explanation.Length == 0 =>
                new WriteOutcome.Refused(ApiMessages.For(HttpStatusCode.NotFound, null, settings)),
            // A rate limit answers before the request is handled: certainly not recorded.
            HttpStatusCode.TooManyRequests => new WriteOutcome.TryLater(PaymentMessages.Throttled, ApiResilience.RetryAfter(response, time)),
            // Open Dental's remote API is relayed to the office's eConnector: a 5xx (even a 503 with
            // Retry-After) may come after the office recorded the payment. 408 likewise.
            HttpStatusCode.RequestTimeout => new WriteOutcome.Unknown(PaymentMessages.ServerError(status)),
            _ when status >= 500 => new WriteOutcome.Unknown(PaymentMessages.ServerError(status)),
            _ when status >= 400 => new WriteOutcome.Refused(PaymentMessages.Refused(status, explanation)),
            _ => new WriteOutcome.Unknown(PaymentMessages.Unexpected(status)),
        };
    }

    private static async Task<WriteOutcome> WrittenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var payment = await response.Content.ReadFromJsonAsync<ApiPayment>(ApiPatient.Json, cancellationToken);
            return payment is { PayNum: > 0 }
                ? new WriteOutcome.Written(payment.PayNum.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new WriteOutcome.Unknown(PaymentMessages.NoPayNum);
        }
        catch (JsonException)
        {
            return new WriteOutcome.Unknown(PaymentMessages.NoPayNum);
        }
    }
}
