using System.Collections.Concurrent;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// Hands the API client a valid access token. It refreshes when the saved one expires within
/// <see cref="RefreshMargin"/> (or QuickBooks refused it), one refresh at a time per company in this process, and
/// across processes through the store's version check: when another refresh saved first, its tokens are used.
/// Intuit may rotate the refresh token on any refresh, so the new tokens are saved before the new access token is
/// used; if that save fails they are thrown away unused (see RefreshingTokens tests for what Intuit then allows).
/// </summary>
internal sealed class QuickBooksTokenManager(IOAuthTokenStore store, QuickBooksOAuth oauth, string realmId, TimeProvider time)
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private const int SaveAttempts = 3;

    /// <summary>An access token valid for at least <see cref="RefreshMargin"/>.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var saved = await ReadAsync(cancellationToken);
        return IsFresh(saved) ? saved.AccessToken : await RefreshAsync(t => !IsFresh(t), cancellationToken);
    }

    /// <summary>
    /// QuickBooks refused <paramref name="refused"/> (401): a new access token, unless another caller has already
    /// replaced the refused one, in which case that replacement.
    /// </summary>
    public Task<string> ReplaceAsync(string refused, CancellationToken cancellationToken) =>
        RefreshAsync(t => t.AccessToken == refused || !IsFresh(t), cancellationToken);

    private async Task<string> RefreshAsync(Func<OAuthTokens, bool> stillNeeded, CancellationToken cancellationToken)
    {
        var gate = RefreshGates.Process.For(realmId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < SaveAttempts; attempt++)
            {
                var current = await ReadAsync(cancellationToken);
                if (!stillNeeded(current))
                {
                    return current.AccessToken;
                }
                var fresh = await oauth.RefreshAsync(current, cancellationToken);
                var stored = await SaveAsync(fresh, current.Version, cancellationToken);
                if (stored is not null)
                {
                    return stored.AccessToken;
                }
                // Another process refreshed and saved first: its tokens are the ones to use; read them.
            }
            throw new QuickBooksTokenException(QuickBooksTokenProblem.Unavailable,
                "QuickBooks tokens kept changing while DentalHub refreshed them. DentalHub will try again.");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<OAuthTokens?> SaveAsync(OAuthTokens fresh, long expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await store.SaveAsync(fresh, expectedVersion, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new QuickBooksTokenException(QuickBooksTokenProblem.NotSaved,
                "DentalHub received new QuickBooks tokens but could not save them, so it did not use them. It will try again.", e);
        }
    }

    private async Task<OAuthTokens> ReadAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync(cancellationToken)
        ?? throw new QuickBooksTokenException(QuickBooksTokenProblem.NotConnected,
            "This connection is not connected to QuickBooks. Connect it on the connection's page.");

    private bool IsFresh(OAuthTokens tokens) => tokens.AccessTokenExpiresAt - time.GetUtcNow() > RefreshMargin;
}

/// <summary>One semaphore per QuickBooks company, so a process never refreshes one company's tokens twice at once.</summary>
internal sealed class RefreshGates
{
    public static RefreshGates Process { get; } = new();

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public SemaphoreSlim For(string realmId) => gates.GetOrAdd(realmId, _ => new SemaphoreSlim(1, 1));
}
