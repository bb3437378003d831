using DentalHub.Connectors.Contract;

namespace DentalHub.Tests.Infrastructure;

/// <summary>A connector with a secret field, offered only in tests, that remembers the settings it was given.</summary>
public sealed class TestSecretConnector(ConnectorSettings settings) : IConnector
{
    public const string Key = "test-secret";

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key, "Test connector with a secret", "Used by tests.", ConnectorKind.PracticeManagement,
        [
            new ConnectorField("server", "Server", "Host name."),
            new ConnectorField("password", "Password", "Database password.", IsSecret: true),
        ],
        context => new TestSecretConnector(context.Settings));

    public ConnectorSettings Settings { get; } = settings;

    public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Settings.Secret("password") == "right"
            ? ConnectionCheckResult.Ok("Connected.")
            : ConnectionCheckResult.Failed("The password was refused: check it in the connection's settings."));
}
