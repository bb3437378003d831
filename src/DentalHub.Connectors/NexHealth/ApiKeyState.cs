using System.Collections.Concurrent;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// What NexHealth keeps per API key and DentalHub must therefore share between every connection and sync using it: the
/// rate limits and the bearer token. A developer account has one production key for all its practices, and connectors are
/// made per sync, so this lives for the process, keyed by the API address and a hash of the key.
/// </summary>
internal sealed record ApiKeyState(RequestPacer Pacer, BearerTokens Tokens)
{
    private static readonly ConcurrentDictionary<string, ApiKeyState> ByKey = new();

    public static ApiKeyState For(NexHealthSettings settings, TimeProvider time) =>
        ByKey.GetOrAdd(settings.KeyIdentity, _ => new ApiKeyState(new RequestPacer(time), new BearerTokens(time)));
}
