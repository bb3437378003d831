using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Launched;

/// <summary>
/// A connection to a PMS that only opens DentalHub (launch URLs with its patient's id and data): no credentials, nothing
/// read, nothing written. It exists so the launch URLs know the system, and every message names it.
/// </summary>
public sealed class LaunchedPmsConnector(string systemName) : IConnector
{
    /// <summary>The key of "another system", whose name a person types.</summary>
    public const string OtherKey = "other-pms";

    public const string SystemNameField = "systemName";

    private const string OtherName = "Another system";

    public static IReadOnlyList<ConnectorDescriptor> Descriptors { get; } =
    [
        .. LaunchedPms.All.Select(pms => DescriptorOf(pms.Key, pms.Name, [])),
        DescriptorOf(OtherKey, OtherName, [new ConnectorField(SystemNameField, "System name",
            "The name of your practice management system, as staff say it; DentalHub's messages use it (\"fix the birthdate in …\").")]) with { SystemName = "the PMS" },
    ];

    public string? SystemName => systemName;

    public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ConnectionCheckResult.Ok(
            $"Nothing to test from here: DentalHub reads nothing from {systemName} and writes nothing to it. {systemName} opens DentalHub with the launch URLs; open a patient from {systemName} to check its setup."));

    private static ConnectorDescriptor DescriptorOf(string key, string name, IReadOnlyList<ConnectorField> fields) => new(
        key,
        $"{name} (launched from the PMS)",
        $"{Subject(name)} opens DentalHub from a patient's screen with the patient's id, name, birthdate and contact details: DentalHub opens, links or creates the profile, keeps those details current at each launch, and connects a card set from the PMS. " +
        $"It cannot read {(name == OtherName ? "your system" : name)} on its own (no schedule, insurance, ledger, or patients never opened from it) and writes nothing back (payments, notes, documents stay in DentalHub).",
        ConnectorKind.PracticeManagement,
        fields,
        context => new LaunchedPmsConnector(key == OtherKey ? context.Settings.Required(SystemNameField, "System name") : name))
    {
        SystemName = name,
        Syncs = false,
    };

    private static string Subject(string name) => name == OtherName ? "Your system" : name;
}
