using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>
/// The host's token store as the contract describes it (a save names the version it read; a stale save returns
/// null), in memory. <see cref="BeforeSave"/> lets a test look at the world when a save happens, or make it fail.
/// </summary>
public sealed class InMemoryTokenStore(OAuthTokens? tokens) : IOAuthTokenStore
{
    private readonly object gate = new();
    private OAuthTokens? saved = tokens;

    /// <summary>Runs before each save is applied; throwing from it is a crash between refresh and save.</summary>
    public Action<OAuthTokens>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    public OAuthTokens? Current
    {
        get { lock (gate) { return saved; } }
    }

    public Task<OAuthTokens?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(saved);
        }
    }

    public Task<OAuthTokens?> SaveAsync(OAuthTokens tokens, long expectedVersion, CancellationToken cancellationToken)
    {
        BeforeSave?.Invoke(tokens);
        lock (gate)
        {
            if (saved is not null && saved.Version != expectedVersion)
            {
                return Task.FromResult<OAuthTokens?>(null);
            }
            Saves++;
            saved = tokens with { Version = expectedVersion + 1 };
            return Task.FromResult<OAuthTokens?>(saved);
        }
    }
}
