using DentalHub.Tenancy;

namespace DentalHub.Auth.ApiKeys;

/// <summary>
/// A practice's key for the REST API. Only a SHA-256 hash of the secret part is stored; the whole
/// key is shown once, when it is created.
/// </summary>
public sealed class ApiKey : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public required string Name { get; set; }

    /// <summary>The public part of the key ("dh_" + 12 characters), used to find it and shown in lists.</summary>
    public required string Prefix { get; init; }

    public required byte[] SecretHash { get; init; }

    /// <summary>Space-separated scopes, see <see cref="ApiScopes"/>.</summary>
    public required string Scopes { get; set; }

    public required string CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public IReadOnlySet<string> ScopeSet => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What an API key may do. Each endpoint group requires one.</summary>
public static class ApiScopes
{
    public const string PracticeRead = "practice:read";
    public const string ConnectionsRead = "connections:read";
    public const string PatientsRead = "patients:read";
    public const string PatientsWrite = "patients:write";

    /// <summary>Payments with their writeback state, refunds and disputes.</summary>
    public const string PaymentsRead = "payments:read";

    /// <summary>Recording payments and refunds, and assigning a payment to a patient.</summary>
    public const string PaymentsWrite = "payments:write";

    /// <summary>Payouts with their lines and whether their deposit is in the books.</summary>
    public const string PayoutsRead = "payouts:read";

    public const string PayoutsWrite = "payouts:write";

    /// <summary>Providers, chairs, appointment types, schedules and appointments read from the PMS.</summary>
    public const string ScheduleRead = "schedule:read";

    /// <summary>Booking, moving, confirming and cancelling appointments in the PMS, and reading how each went.</summary>
    public const string AppointmentsWrite = "appointments:write";

    /// <summary>Insurance plans, coverages and claims read from the PMS.</summary>
    public const string InsuranceRead = "insurance:read";

    /// <summary>Ledger lines and family balances read from the PMS.</summary>
    public const string LedgerRead = "ledger:read";

    /// <summary>Adjustments entered through DentalHub, with where each one is in the PMS.</summary>
    public const string AdjustmentsRead = "adjustments:read";

    /// <summary>Posting an adjustment (a credit or debit with a type) to a patient's account in the PMS.</summary>
    public const string AdjustmentsWrite = "adjustments:write";

    /// <summary>Marking a patient's insurance claim sent, received, waiting or on hold in the PMS.</summary>
    public const string ClaimsWrite = "claims:write";

    /// <summary>Documents attached to patients' charts through DentalHub, their files and where each one is in the PMS.</summary>
    public const string DocumentsRead = "documents:read";

    /// <summary>Attaching a document (a PDF or picture) to a patient's chart in the PMS.</summary>
    public const string DocumentsWrite = "documents:write";

    public static IReadOnlyList<string> All { get; } =
        [PracticeRead, ConnectionsRead, PatientsRead, PatientsWrite, PaymentsRead, PaymentsWrite, PayoutsRead, PayoutsWrite, ScheduleRead, AppointmentsWrite, InsuranceRead, LedgerRead,
            AdjustmentsRead, AdjustmentsWrite, ClaimsWrite, DocumentsRead, DocumentsWrite];

    /// <summary>
    /// The scopes that let a key do what <paramref name="scope"/> allows: itself and, for reading payments and
    /// payouts, their write scope (keys made before the read scopes existed read what they write).
    /// </summary>
    public static IReadOnlyList<string> Granting(string scope) => scope switch
    {
        PaymentsRead => [PaymentsRead, PaymentsWrite],
        PayoutsRead => [PayoutsRead, PayoutsWrite],
        AdjustmentsRead => [AdjustmentsRead, AdjustmentsWrite],
        DocumentsRead => [DocumentsRead, DocumentsWrite],
        _ => [scope],
    };
}
