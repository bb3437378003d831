using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;
using Polly.Timeout;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>The GET calls DentalHub makes to Open Dental's REST API, each through the resilience pipeline (which retries: GETs change nothing).</summary>
internal sealed class OpenDentalApiClient(HttpClient http, ApiSettings settings, ResiliencePipeline<HttpResponseMessage> pipeline)
{
    /// <summary>The API's hard limit per request (the Local API allows 1,000; 100 works everywhere).</summary>
    public const int PageLimit = 100;

    /// <summary>
    /// One page of <c>GET /patients/Simple</c>: patients whose DateTStamp is after
    /// <paramref name="dateTStamp"/> (all when null), in no particular order.
    /// </summary>
    public async Task<IReadOnlyList<ApiPatient>> GetPatientsAsync(
        string? dateTStamp, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (dateTStamp is not null)
        {
            query.Add(new("DateTStamp", dateTStamp));
        }
        query.Add(new("Limit", limit.ToString(CultureInfo.InvariantCulture)));
        query.Add(new("Offset", offset.ToString(CultureInfo.InvariantCulture)));

        using var response = await SendAsync(settings.Endpoint("patients/Simple", query), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var explanation = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new OpenDentalApiException(ApiMessages.For(response.StatusCode, explanation, settings), response.StatusCode);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<List<ApiPatient>>(ApiPatient.Json, cancellationToken) ?? [];
        }
        catch (JsonException e)
        {
            throw new OpenDentalApiException(ApiMessages.Unreadable, response.StatusCode, e);
        }
    }

    /// <summary>
    /// One page of any list endpoint (<c>GET /payments</c>, <c>GET /definitions</c>); failures are
    /// thrown as <see cref="OpenDentalApiException"/> with a message for a person. Items are read as patients
    /// are (<see cref="ApiPatient.Json"/>) unless <paramref name="json"/> says otherwise.
    /// </summary>
    public async Task<IReadOnlyList<T>> GetListAsync<T>(
        string path, IEnumerable<KeyValuePair<string, string>> query, int offset, string what, CancellationToken cancellationToken,
        JsonSerializerOptions? json = null)
    {
        var paged = query
            .Append(new("Limit", PageLimit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("Offset", offset.ToString(CultureInfo.InvariantCulture)));
        using var response = await SendAsync(settings.Endpoint(path, paged), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var explanation = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new OpenDentalApiException(ApiMessages.For(response.StatusCode, explanation, settings), response.StatusCode);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<List<T>>(json ?? ApiPatient.Json, cancellationToken) ?? [];
        }
        catch (JsonException e)
        {
            throw new OpenDentalApiException(ApiMessages.UnreadableList(what), response.StatusCode, e);
        }
    }

    /// <summary>
    /// One object (<c>GET /accountmodules/12/Aging</c>), or null when Open Dental answers that the record is
    /// not there or cannot be read (404, or 400 such as "Patient is deleted"); other failures are thrown.
    /// </summary>
    public async Task<T?> GetOneOrNullAsync<T>(string path, string what, CancellationToken cancellationToken, JsonSerializerOptions? json = null)
        where T : class
    {
        using var response = await SendAsync(settings.Endpoint(path, []), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            var explanation = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new OpenDentalApiException(ApiMessages.For(response.StatusCode, explanation, settings), response.StatusCode);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(json ?? ApiPatient.Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new OpenDentalApiException(ApiMessages.UnreadableRecord(what), response.StatusCode, e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("Authorization", settings.Authorization);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new OpenDentalApiException(ApiMessages.Unreachable(settings), innerException: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OpenDentalApiException(ApiMessages.TimedOut(settings), innerException: e);
        }
    }
}
