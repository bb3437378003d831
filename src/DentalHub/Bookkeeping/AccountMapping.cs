using System.Text.Json;
using DentalHub.Payments;
using DentalHub.Tenancy;

namespace DentalHub.Bookkeeping;

/// <summary>
/// Which of the company's accounts each part of a payout goes to, per accounting connection.
/// Stored as role → account id; the roles are <see cref="AccountRoles"/>.
/// </summary>
public sealed class AccountMapping : IPracticeOwned
{
    public Guid ConnectionId { get; init; }
    public Guid PracticeId { get; init; }
    public string AccountsJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyDictionary<string, string> Accounts
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string>>(AccountsJson) ?? [];
        set => AccountsJson = JsonSerializer.Serialize(value);
    }
}

/// <summary>The parts of a payout that each need an account, with what the books allow for each.</summary>
public static class AccountRoles
{
    public const string Deposit = "deposit";
    public const string Fees = "fees";
    public const string Refunds = "refunds";
    public const string Disputes = "disputes";
    public const string Adjustments = "adjustments";

    public static string Gross(PaymentSource source) => "gross:" + source;

    public static IReadOnlyList<string> All { get; } =
        [Deposit, .. Enum.GetValues<PaymentSource>().Select(Gross), Fees, Refunds, Disputes, Adjustments];

    /// <summary>QuickBooks Online: a deposit goes into a Bank or Other Current Asset account.</summary>
    public static IReadOnlyList<string> DepositAccountTypes { get; } = ["Bank", "Other Current Asset"];

    /// <summary>QuickBooks Online: the account types a deposit line may use.</summary>
    public static IReadOnlyList<string> LineAccountTypes { get; } =
        ["Income", "Other Income", "Expense", "Other Expense", "Other Current Asset", "Equity", "Cost of Goods Sold"];

    public static bool Allows(string role, string accountType) =>
        (role == Deposit ? DepositAccountTypes : LineAccountTypes).Any(t => Same(t, accountType));

    // The API spells types "Other Current Asset", its schema "OtherCurrentAsset".
    private static bool Same(string a, string b) =>
        string.Equals(a.Replace(" ", "", StringComparison.Ordinal), b.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    public static string Label(string role) => role switch
    {
        Deposit => "Deposit to (bank account)",
        Fees => "Processing fees",
        Refunds => "Refunds",
        Disputes => "Disputes (chargebacks)",
        Adjustments => "Other adjustments",
        _ when role.StartsWith("gross:", StringComparison.Ordinal) && Enum.TryParse<PaymentSource>(role[6..], out var source) =>
            $"Gross {SourceText.Of(source)} payments",
        _ => role,
    };
}
