namespace DentalHub.Connectors.Contract;

/// <summary>
/// The values a connection was configured with: plain settings and secrets, by field name.
/// The host stores secrets encrypted and decrypts them only to build this record.
/// </summary>
public sealed record ConnectorSettings(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Secrets)
{
    public static ConnectorSettings Empty { get; } = new(
        new Dictionary<string, string>(), new Dictionary<string, string>());

    public string? Value(string name) =>
        Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string? Secret(string name) =>
        Secrets.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string Required(string name, string label) =>
        Value(name) ?? Secret(name) ?? throw new ConnectorConfigurationException($"{label} is not set. Edit the connection and fill it in.");
}

/// <summary>A connection's settings are incomplete or wrong; the message tells a person what to change.</summary>
public sealed class ConnectorConfigurationException(string message) : Exception(message);
