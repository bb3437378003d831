namespace DentalHub.Ledger;

/// <summary>Amounts as the ledger tables store them: cents (precision 12, scale 2), written the same way whatever the PMS sent.</summary>
internal static class Money
{
    /// <summary>The largest amount a (12, 2) column holds.</summary>
    public const decimal Largest = 9_999_999_999.99m;

    /// <summary>Rounded to cents and always with two decimals, so 130 and 130.00 from two reads store (and fingerprint) alike.</summary>
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static bool Fits(decimal amount) => Math.Abs(amount) <= Largest;
}
