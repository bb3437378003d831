using DentalHub.Tenancy;

namespace DentalHub.Connections;

/// <summary>
/// A connection's OAuth tokens, encrypted (SecretProtector), with the version every save must name:
/// a rotated refresh token is saved by one conditional update, so two refreshes cannot both win.
/// </summary>
public sealed class ConnectionTokens : IPracticeOwned
{
    public Guid ConnectionId { get; init; }
    public Guid PracticeId { get; init; }
    public required string ProtectedTokens { get; set; }
    public long Version { get; set; }

    /// <summary>The refresh token's absolute end, kept in clear so the pages can warn before it without decrypting.</summary>
    public DateTimeOffset? RefreshTokenHardExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
