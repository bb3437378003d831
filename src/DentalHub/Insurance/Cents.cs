namespace DentalHub.Insurance;

/// <summary>Amounts as the insurance tables store them: to the cent, always written with two decimals, so the same amount fingerprints the same.</summary>
internal static class Cents
{
    public static decimal Of(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal? Of(decimal? amount) => amount is { } value ? Of(value) : null;
}
