using DentalHub.Connectors.Contract;

namespace DentalHub.Connections;

/// <summary>One thing a connection can or cannot do; <see cref="Missing"/> says what would enable it.</summary>
public sealed record CapabilityLine(string Name, string? Missing)
{
    public bool Available => Missing is null;
}

/// <summary>
/// What a connection can and cannot do, in the words of its check ("Read patients: yes; write payments: no — add …"):
/// the capability interfaces its connector implements for this connection, each with what the connector says it lacks.
/// </summary>
public static class ConnectionCapabilities
{
    private static readonly (Type Capability, string Name)[] Named =
    [
        (typeof(IReadsPatients), "read patients"),
        (typeof(IReadsAppointments), "read the schedule"),
        (typeof(IReadsInsurance), "read insurance"),
        (typeof(IReadsLedger), "read the ledger"),
        (typeof(IWritesPayments), "write payments"),
        (typeof(IWritesAdjustments), "write adjustments"),
        (typeof(IWritesAppointments), "book appointments"),
        (typeof(IWritesNewPatients), "add new patients"),
        (typeof(IWritesClaimUpdates), "update claims"),
        (typeof(IWritesDocuments), "attach documents"),
        (typeof(IReceivesPaymentEvents), "receive payments"),
        (typeof(IReadsPaymentSettlements), "read payouts"),
        (typeof(IReadsLedgerAccounts), "read accounts"),
        (typeof(IWritesDeposits), "write deposits"),
    ];

    public static IReadOnlyList<CapabilityLine> Of(IConnector connector) =>
        Named.Where(n => n.Capability.IsInstanceOfType(connector)).Select(n => new CapabilityLine(n.Name, connector.MissingFor(n.Capability))).ToList();

    public static string Describe(IReadOnlyList<CapabilityLine> lines)
    {
        var text = string.Join("; ", lines.Select(l => $"{l.Name}: {(l.Available ? "yes" : "no — " + l.Missing)}"));
        return text.Length == 0 ? "" : char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }
}
