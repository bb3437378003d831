using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// Intuit's OAuth 2.0 server as its documentation describes it:
/// <list type="bullet">
/// <item>Token endpoint (<c>/oauth2/v1/tokens/bearer</c>): HTTP Basic client id and secret (else 401 invalid_client), form body,
/// grants authorization_code (each code once) and refresh_token; answers access_token (3600 s), refresh_token,
/// x_refresh_token_expires_in (rolling, 8726400 s in Intuit's sample), and x_refresh_token_hard_expires_in when the request
/// has <c>x-include-refresh-token-hard-expires-in: true</c>.</item>
/// <item>Rotation: the refresh token's value changes on a refresh once it is 24 hours old (Intuit: "the value of refresh token
/// can change every 24-26 hour period", oauth-jsclient#74; within that a refresh returns the same value), and
/// "your previous refresh tokens expire 24 hours after you receive a new one" (Intuit's oauth-jsclient README). A previous
/// token used within those 24 hours gets the current one back; after them, as an unknown, expired or revoked token,
/// 400 invalid_grant.</item>
/// <item>Revoke (<c>/v2/oauth2/tokens/revoke</c>): Basic auth, JSON <c>{"token"}</c> (access or refresh); ends the whole
/// authorization; 200, or 400 for a token it does not know.</item>
/// </list>
/// </summary>
public sealed partial class QuickBooksOnlineTestDouble
{
    public const string ClientId = "ABdoubleClientId";
    public const string ClientSecret = "double-client-secret";
    public const string TokenPath = "/oauth2/v1/tokens/bearer";
    public const string RevokePath = "/v2/oauth2/tokens/revoke";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(3600);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromSeconds(8_726_400);
    public static readonly TimeSpan RefreshTokenHardLifetime = TimeSpan.FromDays(5 * 365);
    public static readonly TimeSpan RotationAge = TimeSpan.FromHours(24);
    public static readonly TimeSpan PreviousRefreshTokenGrace = TimeSpan.FromHours(24);

    private readonly Dictionary<string, (string RedirectUri, bool Used)> codes = [];
    private readonly Dictionary<string, DateTimeOffset> accessTokens = [];
    private readonly Dictionary<string, DateTimeOffset> previousRefreshTokens = [];
    private string? refreshToken;
    private DateTimeOffset refreshIssuedAt;
    private DateTimeOffset refreshExpiresAt;
    private DateTimeOffset hardExpiresAt;

    public Uri TokenUrl => new(Root, TokenPath);
    public Uri RevokeUrl => new(Root, RevokePath);

    /// <summary>The refresh token Intuit currently holds for the company; null before consent or after revoke.</summary>
    public string? CurrentRefreshToken
    {
        get { lock (gate) { return refreshToken; } }
    }

    /// <summary>Consent given: a code for the callback, to be exchanged once with the same redirect address.</summary>
    public string IssueAuthorizationCode(string redirectUri)
    {
        lock (gate)
        {
            var code = "AB11" + Random(12);
            codes[code] = (redirectUri, false);
            return code;
        }
    }

    /// <summary>Consent given and exchanged already: the company is connected with these tokens.</summary>
    public DoubleTokens Connect()
    {
        lock (gate)
        {
            return Grant();
        }
    }

    /// <summary>Every access token issued so far stops working (as an hour passing would).</summary>
    public void ExpireAccessTokens()
    {
        lock (gate)
        {
            foreach (var token in accessTokens.Keys.ToList())
            {
                accessTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>The company disconnected the app in QuickBooks: every token stops working.</summary>
    public void Disconnect()
    {
        lock (gate)
        {
            Revoke();
        }
    }

    private void MapOAuth()
    {
        app.MapPost(TokenPath, (Delegate)TokenAsync);
        app.MapPost(RevokePath, (Delegate)RevokeAsync);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        var includeHard = string.Equals(context.Request.Headers["x-include-refresh-token-hard-expires-in"], "true", StringComparison.OrdinalIgnoreCase);
        lock (gate)
        {
            var (status, answer) = !ClientAuthenticated(context) ? (401, Error("invalid_client"))
                : grantType switch
                {
                    "authorization_code" => Exchange(form["code"].ToString(), form["redirect_uri"].ToString(), includeHard),
                    "refresh_token" => Refresh(form["refresh_token"].ToString(), includeHard),
                    _ => (400, Error("unsupported_grant_type")),
                };
            Record(context, status, grantType: grantType);
            return Results.Json(answer, statusCode: status);
        }
    }

    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        string? token = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            token = body.RootElement.TryGetProperty("token", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
        }
        lock (gate)
        {
            var known = token is not null && (token == refreshToken || previousRefreshTokens.ContainsKey(token) || accessTokens.ContainsKey(token));
            var status = !ClientAuthenticated(context) ? 401 : known ? 200 : 400;
            if (status == 200)
            {
                Revoke();
            }
            Record(context, status);
            return status == 200 ? Results.Ok() : Results.Json(Error(status == 401 ? "invalid_client" : "invalid_token"), statusCode: status);
        }
    }

    // Callers hold the gate.
    private (int, object) Exchange(string code, string redirectUri, bool includeHard)
    {
        if (!codes.TryGetValue(code, out var issued) || issued.Used || issued.RedirectUri != redirectUri)
        {
            return (400, Error("invalid_grant"));
        }
        codes[code] = issued with { Used = true };
        return (200, Answer(Grant(), includeHard));
    }

    // Callers hold the gate.
    private (int, object) Refresh(string presented, bool includeHard)
    {
        var now = time.GetUtcNow();
        var current = presented == refreshToken && now < refreshExpiresAt;
        var previous = previousRefreshTokens.TryGetValue(presented, out var until) && now < until;
        if (refreshToken is null || (!current && !previous) || now >= hardExpiresAt)
        {
            return (400, Error("invalid_grant"));
        }
        if (now - refreshIssuedAt >= RotationAge)
        {
            previousRefreshTokens[refreshToken] = now + PreviousRefreshTokenGrace;
            refreshToken = "RT1-" + Random(16);
            refreshIssuedAt = now;
        }
        refreshExpiresAt = now + RefreshTokenLifetime;
        return (200, Answer(Tokens(NewAccessToken(now), now), includeHard));
    }

    // Callers hold the gate.
    private DoubleTokens Grant()
    {
        var now = time.GetUtcNow();
        refreshToken = "RT1-" + Random(16);
        refreshIssuedAt = now;
        refreshExpiresAt = now + RefreshTokenLifetime;
        hardExpiresAt = now + RefreshTokenHardLifetime;
        previousRefreshTokens.Clear();
        return Tokens(NewAccessToken(now), now);
    }

    private DoubleTokens Tokens(string accessToken, DateTimeOffset now) =>
        new(accessToken, now + AccessTokenLifetime, refreshToken!, refreshExpiresAt, hardExpiresAt);

    private string NewAccessToken(DateTimeOffset now)
    {
        var token = "eyJdouble." + Random(24);
        accessTokens[token] = now + AccessTokenLifetime;
        return token;
    }

    private void Revoke()
    {
        refreshToken = null;
        previousRefreshTokens.Clear();
        accessTokens.Clear();
    }

    /// <summary>Whether <paramref name="token"/> opens the API now. Callers hold the gate.</summary>
    private bool AccessTokenValid(string? token) =>
        token is not null && accessTokens.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;

    private Dictionary<string, object> Answer(DoubleTokens tokens, bool includeHard)
    {
        var now = time.GetUtcNow();
        var answer = new Dictionary<string, object>
        {
            ["token_type"] = "bearer",
            ["access_token"] = tokens.AccessToken,
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = tokens.RefreshToken,
            ["x_refresh_token_expires_in"] = (long)(tokens.RefreshTokenExpiresAt - now).TotalSeconds,
        };
        if (includeHard)
        {
            answer["x_refresh_token_hard_expires_in"] = (long)(tokens.RefreshTokenHardExpiresAt - now).TotalSeconds;
        }
        return answer;
    }

    private static bool ClientAuthenticated(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() ==
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));

    private static Dictionary<string, string> Error(string error) => new() { ["error"] = error };

    private static string Random(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}

/// <summary>Tokens as Intuit issued them.</summary>
public sealed record DoubleTokens(
    string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt, DateTimeOffset RefreshTokenHardExpiresAt);
