namespace DentalHub.Connectors.Contract;

/// <summary>
/// Everything the host needs to offer a connector: its name, what it needs to connect and how to
/// create an instance for a connection.
/// </summary>
public sealed record ConnectorDescriptor(
    string Key,
    string DisplayName,
    string Description,
    ConnectorKind Kind,
    IReadOnlyList<ConnectorField> Fields,
    Func<ConnectorContext, IConnector> Create)
{
    /// <summary>Sample-data connectors are labelled as such wherever they appear.</summary>
    public bool ServesSampleData { get; init; }

    /// <summary>How messages to staff name the system, e.g. "Open Dental" ("on the patient's record in Open Dental").</summary>
    public string SystemName { get; init; } = DisplayName;

    /// <summary>
    /// Whether sync reads connections of it (and so schedules them, and calls them stale without reads): every PMS
    /// connector's, except one the PMS only opens DentalHub through (launch URLs), which reads nothing.
    /// </summary>
    public bool Syncs { get; init; } = Kind == ConnectorKind.PracticeManagement;

    public IEnumerable<ConnectorField> SecretFields => Fields.Where(f => f.IsSecret);
}

public enum ConnectorKind
{
    PracticeManagement,
    Payments,
    Accounting,
}

/// <summary>One thing a person types when setting up a connection.</summary>
public sealed record ConnectorField(
    string Name,
    string Label,
    string Help,
    bool IsSecret = false,
    bool IsRequired = true,
    string? DefaultValue = null,
    IReadOnlyList<string>? Choices = null);
