using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// Intuit's OAuth 2.0 authorization-code flow for DentalHub's app: the consent address, the code exchange, refresh and
/// revoke. The token endpoint takes the client id and secret as HTTP Basic and a form body; it answers
/// <c>access_token</c> (valid <c>expires_in</c>, 3600 s), <c>refresh_token</c> (rolling <c>x_refresh_token_expires_in</c>,
/// 100 days) and, because we ask with <c>x-include-refresh-token-hard-expires-in</c>, the five-year hard limit
/// <c>x_refresh_token_hard_expires_in</c>. Revoke takes <c>{"token": ...}</c> as JSON and ends the whole authorization.
/// </summary>
public sealed class QuickBooksOAuth(QuickBooksSettings settings, HttpClient http, TimeProvider time)
{
    public const string Scope = "com.intuit.quickbooks.accounting";
    public const string HardExpiryHeader = "x-include-refresh-token-hard-expires-in";

    public static QuickBooksOAuth Create(ConnectorSettings settings, IHttpClientFactory httpClients, TimeProvider time) =>
        new(QuickBooksSettings.From(settings), httpClients.CreateClient(QuickBooksConnector.HttpClientName), time);

    /// <summary>Where to send the person: Intuit's consent page, which returns to <paramref name="redirectUri"/> with code, state and realmId.</summary>
    public Uri AuthorizeUrl(string state, Uri redirectUri)
    {
        var (clientId, _) = settings.Client();
        var query = string.Join("&", new (string Name, string Value)[]
        {
            ("client_id", clientId),
            ("response_type", "code"),
            ("scope", Scope),
            ("redirect_uri", redirectUri.ToString()),
            ("state", state),
        }.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{settings.AuthorizeUrl}{(settings.AuthorizeUrl.Query.Length == 0 ? "?" : "&")}{query}");
    }

    /// <summary>Trades the callback's code for the first tokens (Version 0: the host's first save).</summary>
    public Task<OAuthTokens> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        RequestTokensAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.ToString())],
            previousHardExpiry: null, version: 0, cancellationToken);

    /// <summary>New tokens for <paramref name="current"/>; the refresh token in them may be new and must be saved before use.</summary>
    public Task<OAuthTokens> RefreshAsync(OAuthTokens current, CancellationToken cancellationToken) =>
        RequestTokensAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", current.RefreshToken)],
            current.RefreshTokenHardExpiresAt, current.Version, cancellationToken);

    /// <summary>Revokes the authorization (either token of it will do): DentalHub loses access to the company.</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.RevokeUrl)
        {
            Content = JsonContent.Create(new { token }),
        };
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new QuickBooksTokenException(QuickBooksTokenProblem.Rejected,
                $"Intuit did not revoke DentalHub's access (HTTP {(int)response.StatusCode}). Disconnect DentalHub in QuickBooks under Settings → Apps if it still shows.");
        }
    }

    private async Task<OAuthTokens> RequestTokensAsync(
        KeyValuePair<string, string>[] form, DateTimeOffset? previousHardExpiry, long version, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(HardExpiryHeader, "true");
        var requestedAt = time.GetUtcNow();
        using var response = await SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response.StatusCode, body);
        }
        try
        {
            var answer = JsonSerializer.Deserialize<TokenAnswer>(body)
                ?? throw new JsonException("empty");
            if (string.IsNullOrEmpty(answer.AccessToken) || string.IsNullOrEmpty(answer.RefreshToken))
            {
                throw new JsonException("no tokens");
            }
            // Intuit counts from when it answered; counting from when we asked errs on the early side.
            return new OAuthTokens(
                answer.AccessToken,
                requestedAt.AddSeconds(answer.ExpiresIn),
                answer.RefreshToken,
                requestedAt.AddSeconds(answer.RefreshTokenExpiresIn),
                answer.RefreshTokenHardExpiresIn is { } hard ? requestedAt.AddSeconds(hard) : previousHardExpiry,
                version);
        }
        catch (JsonException e)
        {
            throw new QuickBooksTokenException(QuickBooksTokenProblem.Unavailable,
                "Intuit's token service gave an answer DentalHub could not read. DentalHub will try again.", e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (clientId, secret) = settings.Client();
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await http.SendAsync(request, linked.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new QuickBooksTokenException(QuickBooksTokenProblem.Unavailable,
                "DentalHub could not reach Intuit's sign-in service. It will try again.", e);
        }
    }

    private static QuickBooksTokenException Failure(HttpStatusCode status, string body)
    {
        var error = TokenError(body);
        return (status, error) switch
        {
            (_, "invalid_grant") => new QuickBooksTokenException(QuickBooksTokenProblem.Reconnect,
                "QuickBooks no longer accepts DentalHub's authorization (it was disconnected in QuickBooks, expired, or replaced). Reconnect QuickBooks on the connection's page."),
            (HttpStatusCode.Unauthorized, _) or (_, "invalid_client") => new QuickBooksTokenException(QuickBooksTokenProblem.AppMisconfigured,
                "Intuit refused DentalHub's app credentials. An administrator must check ClientId and ClientSecret in the Connectors:quickbooks-online configuration."),
            (HttpStatusCode.TooManyRequests, _) or (>= HttpStatusCode.InternalServerError, _) => new QuickBooksTokenException(QuickBooksTokenProblem.Unavailable,
                $"Intuit's sign-in service is unavailable (HTTP {(int)status}). DentalHub will try again."),
            _ => new QuickBooksTokenException(QuickBooksTokenProblem.Rejected,
                $"Intuit's sign-in service refused the request (HTTP {(int)status}{(error is null ? "" : $", {error}")}). Reconnect QuickBooks on the connection's page."),
        };
    }

    private static string? TokenError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("x_refresh_token_expires_in")] long RefreshTokenExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("x_refresh_token_hard_expires_in")] long? RefreshTokenHardExpiresIn);
}

/// <summary>What went wrong with Intuit's token service, so callers can tell "a person must reconnect" from "try later".</summary>
public enum QuickBooksTokenProblem
{
    /// <summary>The authorization is gone (invalid_grant: revoked, expired, replaced): only reconnecting helps.</summary>
    Reconnect,

    /// <summary>The connection was never authorized, or was disconnected.</summary>
    NotConnected,

    /// <summary>DentalHub's own client id or secret is wrong: an administrator must fix the configuration.</summary>
    AppMisconfigured,

    /// <summary>Intuit refused the request for another reason.</summary>
    Rejected,

    /// <summary>Intuit could not be reached or failed: nothing changed, try again later.</summary>
    Unavailable,

    /// <summary>New tokens were received but could not be saved; they were not used.</summary>
    NotSaved,
}

/// <summary>A token request failed; <see cref="ConnectorException.Message"/> says what a person should do.</summary>
public sealed class QuickBooksTokenException(QuickBooksTokenProblem problem, string message, Exception? inner = null)
    : ConnectorException(message, inner)
{
    public QuickBooksTokenProblem Problem { get; } = problem;

    /// <summary>True when nothing will work until a person acts (reconnects, or fixes the app's configuration).</summary>
    public bool NeedsAPerson => Problem is QuickBooksTokenProblem.Reconnect or QuickBooksTokenProblem.NotConnected
        or QuickBooksTokenProblem.AppMisconfigured or QuickBooksTokenProblem.Rejected;
}
