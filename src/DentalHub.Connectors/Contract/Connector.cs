namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector instance serves one configured connection. It implements only the capability
/// interfaces its system has (<see cref="IReadsPatients"/>, ...); the engine asks with a type test.
/// </summary>
public interface IConnector
{
    /// <summary>Checks that the connection works; a failure says what a person should fix.</summary>
    Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How messages to staff name the system behind this connection ("fix it in Dentrix"), when it is not
    /// the connector's own name: a connector that reaches several systems knows which one per connection.
    /// </summary>
    string? SystemName => null;

    /// <summary>
    /// What this connection's settings lack to use <paramref name="capability"/>, a capability interface its connector
    /// implements (such as <see cref="IWritesPayments"/>), said as what a person should add; null when it can use it.
    /// A connection check lists every capability with this answer, so a connection never tests green for what it cannot do.
    /// </summary>
    string? MissingFor(Type capability) => null;
}

public sealed record ConnectionCheckResult(bool Succeeded, string Message)
{
    public static ConnectionCheckResult Ok(string message) => new(true, message);
    public static ConnectionCheckResult Failed(string message) => new(false, message);
}

/// <summary>What the host hands a connector when it creates one for a connection.</summary>
/// <param name="Tokens">The connection's OAuth tokens, for connectors that authorize with OAuth; null for others.</param>
/// <param name="Logs">Where a connector logs what support needs (request ids of the remote system); never patient data. Null: no logs.</param>
public sealed record ConnectorContext(
    ConnectorSettings Settings,
    TimeProvider Time,
    IHttpClientFactory HttpClients,
    IOAuthTokenStore? Tokens = null,
    Microsoft.Extensions.Logging.ILoggerFactory? Logs = null);

/// <summary>
/// A connector failed in a way a person can act on; the message says what to do and never
/// contains patient data.
/// </summary>
public class ConnectorException(string message, Exception? inner = null) : Exception(message, inner);
