using System.Text;
using System.Text.Json;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// The bearer token of one API key (<c>POST /authenticates</c>): fetched when first needed and again shortly before it
/// expires, one fetch at a time however many reads want it. NexHealth's tokens are JWTs that last an hour in production
/// and a day in the sandbox (docs.nexhealth.com/reference/authentication-1). How long a token lasts is read from its claims
/// (<c>exp</c> less <c>iat</c>) and counted on our clock from when we asked, so a clock set differently from NexHealth's
/// neither keeps a dead token nor fetches a new one for every request; a token that does not say lasts an hour.
/// </summary>
internal sealed class BearerTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A token this close to its end is replaced before use, so no read starts with one about to lapse.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? current;

    /// <summary>A token good for a while yet, fetched with <paramref name="authenticate"/> when there is none.</summary>
    public async Task<string> TokenAsync(Func<CancellationToken, Task<string>> authenticate, CancellationToken cancellationToken)
    {
        if (Usable(current) is { } token)
        {
            return token;
        }
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Usable(current) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            var issuedAt = time.GetUtcNow();
            var fresh = await authenticate(cancellationToken);
            current = (fresh, issuedAt + (LifetimeOf(fresh) ?? Lifetime));
            return fresh;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>NexHealth refused <paramref name="token"/> (401): the next request fetches another, unless one already has.</summary>
    public void Refused(string token)
    {
        if (current?.Token == token)
        {
            current = null;
        }
    }

    private string? Usable((string Token, DateTimeOffset ExpiresAt)? token) =>
        token is { } t && time.GetUtcNow() < t.ExpiresAt - RefreshBefore ? t.Token : null;

    private static TimeSpan? LifetimeOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return claims.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var expires)
                && claims.RootElement.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var issued) && expires > issued
                ? TimeSpan.FromSeconds(expires - issued)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
