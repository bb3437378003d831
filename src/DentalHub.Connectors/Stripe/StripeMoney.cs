using System.Collections.Frozen;

namespace DentalHub.Connectors.Stripe;

/// <summary>
/// Stripe sends amounts as integers in the currency's minor unit (cents for usd, whole yen for jpy).
/// The exponent lists follow Stripe's currency documentation, not ISO 4217: Stripe sends isk, huf and
/// twd with two decimals although their cash has none.
/// </summary>
public static class StripeMoney
{
    private static readonly FrozenSet<string> ZeroDecimal = FrozenSet.ToFrozenSet(
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ThreeDecimal = FrozenSet.ToFrozenSet(
        ["bhd", "jod", "kwd", "omr", "tnd"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Digits after the decimal point in Stripe's amounts for <paramref name="currency"/>.</summary>
    public static int Exponent(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>
    /// Exact conversion; the result keeps the currency's scale (1000 usd is 10.00), which is how the
    /// PMS and the books print it.
    /// </summary>
    public static decimal ToDecimal(long minorUnits, string currency) => Exponent(currency) switch
    {
        0 => minorUnits,
        3 => minorUnits * 0.001m,
        _ => minorUnits * 0.01m,
    };
}
