using DentalHub.Connectors.Contract;

namespace DentalHub.Connections;

/// <summary>What a person typed for a connection. A blank secret means "keep the stored one".</summary>
public sealed record ConnectionInput(
    string ConnectorKey,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>How often to sync; null keeps the current (or default) schedule.</summary>
    public ConnectionSchedule? Schedule { get; init; }
}

public sealed record ConnectionSchedule(SyncSchedule Kind, TimeOnly DailyAt, int IntervalMinutes)
{
    public static ConnectionSchedule Of(Connection connection) => new(connection.SyncSchedule, connection.SyncDailyAt, connection.SyncIntervalMinutes);
}

/// <summary>A connection as the UI and API show it: settings, which secrets are stored, never their values.</summary>
public sealed record ConnectionView(
    Guid Id,
    string Name,
    string ConnectorKey,
    string ConnectorName,
    bool ServesSampleData,
    bool Enabled,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlySet<string> StoredSecrets,
    DateTimeOffset? LastCheckAt,
    bool? LastCheckSucceeded,
    string? LastCheckMessage,
    DateTimeOffset? LastSuccessfulReadAt,
    DateTimeOffset? LastSuccessfulWriteAt,
    ConnectionSchedule Schedule)
{
    /// <summary>Its system is read into DentalHub (a PMS), so it has a sync page; books and processors only take or send.</summary>
    public bool Syncs { get; init; }

    public static ConnectionView From(Connection connection, ConnectorDescriptor? descriptor, IReadOnlyDictionary<string, string> values, IEnumerable<string> storedSecrets) => new(
        connection.Id,
        connection.Name,
        connection.ConnectorKey,
        descriptor?.DisplayName ?? $"Unknown connector '{connection.ConnectorKey}'",
        descriptor?.ServesSampleData ?? false,
        connection.Enabled,
        values,
        storedSecrets.ToHashSet(StringComparer.Ordinal),
        connection.LastCheckAt,
        connection.LastCheckSucceeded,
        connection.LastCheckMessage,
        connection.LastSuccessfulReadAt,
        connection.LastSuccessfulWriteAt,
        ConnectionSchedule.Of(connection))
    {
        Syncs = descriptor?.Syncs == true,
    };
}

/// <summary>A connection's input was not acceptable; each entry names the field and what to fix.</summary>
public sealed class ConnectionValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
