using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>What the bookkeeper reads when a deposit cannot be written as mapped.</summary>
internal static class DepositMessages
{
    public const string InactiveNamed = "QuickBooks refused the deposit because an account it uses is inactive or deleted.";

    public const string InactiveUnnamed =
        "QuickBooks refused the deposit because an account, or something else it uses, is inactive or deleted. Check the mapped accounts on the QuickBooks mapping page.";

    public static string Stale(LedgerAccount? account, string id, IReadOnlyList<string> uses)
    {
        var usedFor = string.Join(" and ", uses);
        return account is null
            ? $"The account with id {id}, used for {usedFor}, no longer exists in QuickBooks: choose another one on the mapping page."
            : $"\"{account.FullName}\" (id {id}), used for {usedFor}, is inactive in QuickBooks: make it active again in QuickBooks or choose another account on the mapping page.";
    }

    public static string OtherCurrency(string home, string payout) =>
        $"The payout is in {payout} but this QuickBooks company keeps its books in {home} without multicurrency. Turn on multicurrency in QuickBooks and map a {payout} bank account, or record this payout by hand.";
}
