using System.Text.Json.Nodes;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>An account of the double's chart of accounts, answered as QuickBooks' Account entity.</summary>
public sealed record DoubleAccount(string Id, string Name, string AccountType, string? AccountSubType, string Classification, bool Active = true, string Currency = "USD")
{
    /// <summary>A dental practice's books: the bank, the clearing accounts, income, fees, refunds, and one account no longer used.</summary>
    public static IReadOnlyList<DoubleAccount> DentalPracticeChart { get; } =
    [
        new("35", "Checking", "Bank", "Checking", "Asset"),
        new("36", "Savings", "Bank", "Savings", "Asset"),
        new("4", "Undeposited Funds", "Other Current Asset", "UndepositedFunds", "Asset"),
        new("90", "Stripe Clearing", "Other Current Asset", "OtherCurrentAssets", "Asset"),
        new("79", "Patient Card Income", "Income", "ServiceFeeIncome", "Revenue"),
        new("80", "Patient Refunds", "Income", "DiscountsRefundsGiven", "Revenue"),
        new("62", "Merchant Fees", "Expense", "BankCharges", "Expense"),
        new("63", "Chargebacks and Adjustments", "Expense", "OtherMiscellaneousServiceCost", "Expense"),
        new("70", "Old Card Processor Fees", "Expense", "BankCharges", "Expense", Active: false),
    ];

    public const string Checking = "35";
    public const string UndepositedFunds = "4";
    public const string StripeClearing = "90";
    public const string PatientCardIncome = "79";
    public const string PatientRefunds = "80";
    public const string MerchantFees = "62";
    public const string InactiveFees = "70";

    /// <summary>Bank and Other Current Asset accounts can receive a deposit.</summary>
    public bool CanReceiveDeposits => AccountType is "Bank" or "Other Current Asset";

    /// <summary>Account types a deposit line may use (Intuit's Deposit reference).</summary>
    public bool CanBeOnADepositLine => AccountType is "Income" or "Other Income" or "Expense" or "Other Expense"
        or "Other Current Asset" or "Equity" or "Cost of Goods Sold";

    public string? Field(string name) => name switch
    {
        "Id" => Id,
        "Name" or "FullyQualifiedName" => Name,
        "AccountType" => AccountType,
        "AccountSubType" => AccountSubType,
        "Classification" => Classification,
        "Active" => Active ? "true" : "false",
        _ => null,
    };

    public JsonObject ToJson() => new()
    {
        ["Name"] = Name,
        ["SubAccount"] = false,
        ["FullyQualifiedName"] = Name,
        ["Active"] = Active,
        ["Classification"] = Classification,
        ["AccountType"] = AccountType,
        ["AccountSubType"] = AccountSubType,
        ["CurrentBalance"] = 0,
        ["CurrencyRef"] = new JsonObject { ["value"] = Currency },
        ["domain"] = "QBO",
        ["sparse"] = false,
        ["Id"] = Id,
        ["SyncToken"] = "0",
    };
}
