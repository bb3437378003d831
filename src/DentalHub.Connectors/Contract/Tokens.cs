namespace DentalHub.Connectors.Contract;

/// <summary>
/// OAuth tokens of one connection, as the host keeps them (encrypted at rest). The refresh token may change on
/// every refresh: the newest one must be saved before it is used, or the connection is lost for good.
/// </summary>
/// <param name="Version">Increases with every save; a save names the version it read, so two refreshes cannot both win.</param>
/// <param name="RefreshTokenHardExpiresAt">The refresh token's absolute end (QBO: at most 5 years), after which only reconnecting helps.</param>
public sealed record OAuthTokens(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    DateTimeOffset? RefreshTokenHardExpiresAt,
    long Version);

/// <summary>Where a connector's OAuth tokens live. The host implements it over its database, per connection.</summary>
public interface IOAuthTokenStore
{
    /// <summary>The saved tokens; null when the connection was never authorized or was disconnected.</summary>
    Task<OAuthTokens?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="tokens"/> if the stored version is still <paramref name="expectedVersion"/>, in one
    /// atomic write, and returns the saved tokens (with the new version); null when another refresh saved first.
    /// </summary>
    Task<OAuthTokens?> SaveAsync(OAuthTokens tokens, long expectedVersion, CancellationToken cancellationToken);
}
