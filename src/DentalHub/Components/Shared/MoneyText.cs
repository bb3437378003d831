using System.Globalization;

namespace DentalHub.Components.Shared;

/// <summary>Money as pages show it (1,234.50 USD) and as exports write it (1234.50: a spreadsheet reads it as a number).</summary>
public static class MoneyText
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    public static string Format(decimal amount, string currency) => amount.ToString("N2", Display) + " " + currency;

    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
