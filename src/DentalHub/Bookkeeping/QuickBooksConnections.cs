using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Bookkeeping;

/// <summary>Whether a QuickBooks connection is authorized, and until when.</summary>
/// <param name="ReconnectSoon">True from 30 days before the refresh token's hard expiry.</param>
public sealed record QuickBooksAuthorization(bool Connected, string? RealmId, DateTimeOffset? HardExpiresAt, bool ReconnectSoon);

/// <summary>
/// The OAuth authorization-code flow for a QuickBooks Online connection: the consent address with a protected,
/// short-lived state bound to the person, practice and connection; the callback that checks it, exchanges the code
/// and stores the company's realm id and the tokens (encrypted); and disconnecting, which revokes at Intuit.
/// </summary>
public sealed class QuickBooksConnections(
    DentalHubDbFactory databases, OAuthTokenStores tokens, ConnectorFactory connectors, IDataProtectionProvider protection,
    IHttpClientFactory httpClients, IConfiguration configuration, AuditLog audit, Writeback.WritebackResumption resumption, TimeProvider time)
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector stateProtector = protection.CreateProtector("DentalHub.QuickBooks.OAuthState.v1");

    public async Task<QuickBooksAuthorization> AuthorizationAsync(TenantScope tenant, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        var row = await db.ConnectionTokens.AsNoTracking().FirstOrDefaultAsync(t => t.ConnectionId == connectionId, cancellationToken);
        var realm = connection is null ? null : ConnectorFactory.ValuesOf(connection).GetValueOrDefault(QuickBooksSettings.RealmIdName);
        var hard = row?.RefreshTokenHardExpiresAt;
        return new(row is not null && realm is not null, realm, hard, hard is { } end && end - time.GetUtcNow() < QuickBooksConnector.ReconnectWarning);
    }

    /// <summary>Intuit's consent page for this connection; null when the connection is not a QuickBooks one of this practice.</summary>
    public async Task<Uri?> StartAsync(TenantScope tenant, string userId, Guid connectionId, Uri redirectUri, CancellationToken cancellationToken)
    {
        var connection = await QuickBooksConnectionAsync(tenant, connectionId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var state = stateProtector.Protect(JsonSerializer.Serialize(new OAuthState(
            userId, tenant.PracticeId!.Value, connectionId, time.GetUtcNow().Add(StateLifetime).ToUnixTimeSeconds(), Guid.NewGuid().ToString("N"))));
        return OAuth(connection).AuthorizeUrl(state, redirectUri);
    }

    /// <summary>Checks the state and stores the authorization; returns the connection, or the reason it was refused.</summary>
    public async Task<(Guid? ConnectionId, string? Refusal)> CompleteAsync(
        TenantScope tenant, AuditActor actor, string userId, string? state, string? code, string? realmId, Uri redirectUri, CancellationToken cancellationToken)
    {
        var checkedState = Read(state);
        if (checkedState is null || checkedState.UserId != userId || checkedState.PracticeId != tenant.PracticeId)
        {
            return (null, "This QuickBooks sign-in did not start here, expired, or was for someone else. Start again from Map accounts.");
        }
        if (string.IsNullOrEmpty(code) || string.IsNullOrWhiteSpace(realmId))
        {
            return (null, "QuickBooks did not grant access (no code or company came back). Start again and choose Connect in QuickBooks.");
        }
        var connection = await QuickBooksConnectionAsync(tenant, checkedState.ConnectionId, cancellationToken);
        if (connection is null)
        {
            return (null, "The QuickBooks connection this sign-in was for no longer exists.");
        }
        OAuthTokens granted;
        try
        {
            granted = await OAuth(connection).ExchangeCodeAsync(code, redirectUri, cancellationToken);
        }
        catch (ConnectorException e)
        {
            return (null, e.Message);
        }
        await tokens.ReplaceAsync(connection.Id, connection.PracticeId, granted, cancellationToken);
        await using var db = databases.Create(tenant);
        var stored = await db.Connections.FirstAsync(c => c.Id == connection.Id, cancellationToken);
        var values = new Dictionary<string, string>(ConnectorFactory.ValuesOf(stored)) { [QuickBooksSettings.RealmIdName] = realmId.Trim() };
        stored.SettingsJson = JsonSerializer.Serialize(values);
        stored.UpdatedAt = time.GetUtcNow();
        audit.Add(db, actor, "connection.authorized", $"Connection '{stored.Name}' connected to QuickBooks company {realmId.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await resumption.ConnectionWorksAsync(tenant, connection.Id, "reconnected", cancellationToken);
        return (connection.Id, null);
    }

    /// <summary>Revokes DentalHub's access at Intuit and deletes the tokens; a failed revoke is reported, the tokens go anyway.</summary>
    public async Task<string?> DisconnectAsync(TenantScope tenant, AuditActor actor, Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await QuickBooksConnectionAsync(tenant, connectionId, cancellationToken);
        if (connection is null)
        {
            return "This is not a QuickBooks connection of this practice.";
        }
        string? problem = null;
        if (await tokens.For(connection.Id, connection.PracticeId).ReadAsync(cancellationToken) is { } current)
        {
            try
            {
                await OAuth(connection).RevokeAsync(current.RefreshToken, cancellationToken);
            }
            catch (ConnectorException e)
            {
                problem = e.Message;
            }
        }
        await tokens.DeleteAsync(connection.Id, cancellationToken);
        await audit.RecordAsync(tenant, actor, "connection.disconnected", $"Connection '{connection.Name}' disconnected from QuickBooks", cancellationToken: cancellationToken);
        return problem;
    }

    /// <summary>Where Intuit sends the person back: configured (it must match the app's registration exactly) or this site's callback.</summary>
    public Uri RedirectUri(HttpRequest request) =>
        configuration[$"Connectors:{QuickBooksConnector.Key}:RedirectUri"] is { Length: > 0 } configured
            ? new Uri(configured)
            : new Uri($"{request.Scheme}://{request.Host}{QuickBooksConnectEndpoints.CallbackPath}");

    private QuickBooksOAuth OAuth(Connection connection) =>
        QuickBooksOAuth.Create(connectors.SettingsOf(connection), httpClients, time);

    private async Task<Connection?> QuickBooksConnectionAsync(TenantScope tenant, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId && c.ConnectorKey == QuickBooksConnector.Key, cancellationToken);
    }

    private OAuthState? Read(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }
        try
        {
            var read = JsonSerializer.Deserialize<OAuthState>(stateProtector.Unprotect(state));
            return read is not null && DateTimeOffset.FromUnixTimeSeconds(read.ExpiresAt) > time.GetUtcNow() ? read : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record OAuthState(string UserId, Guid PracticeId, Guid ConnectionId, long ExpiresAt, string Nonce);
}
