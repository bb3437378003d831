using System.Globalization;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors.Tests.Stripe;

public sealed class ConvertingStripeAmounts
{
    [Theory]
    [InlineData(1999, "usd", "19.99")]
    [InlineData(1999, "USD", "19.99")]
    [InlineData(1000, "cad", "10.00")]
    [InlineData(1, "eur", "0.01")]
    [InlineData(-2500, "gbp", "-25.00")]
    [InlineData(0, "aud", "0.00")]
    [InlineData(1999, "jpy", "1999")]
    [InlineData(50000, "krw", "50000")]
    [InlineData(1500, "clp", "1500")]
    [InlineData(5120, "kwd", "5.120")]
    [InlineData(50000, "isk", "500.00")]
    [InlineData(9007199254740993, "usd", "90071992547409.93")]
    public void ToDecimal_MinorUnits_ExactWithTheCurrencysScale(long minorUnits, string currency, string expected)
    {
        var amount = StripeMoney.ToDecimal(minorUnits, currency);

        Assert.Equal(expected, amount.ToString(CultureInfo.InvariantCulture));
    }
}
