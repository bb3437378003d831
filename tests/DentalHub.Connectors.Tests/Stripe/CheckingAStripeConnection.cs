using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Stripe;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>The offline check: prefixes say what was pasted where, and the key says test or live.</summary>
public sealed class CheckingAStripeConnection
{
    private const string GoodSecret = "whsec_0123456789abcdef";

    private static Task<ConnectionCheckResult> Check(string? secret, string? key, string? account = null) =>
        new StripeConnector(new StripeConnectionSettings(secret, key, account), TimeProvider.System)
            .CheckConnectionAsync(CancellationToken.None);

    [Theory]
    [InlineData("rk_live_51AbcDEF", "restricted key, live mode")]
    [InlineData("rk_test_51AbcDEF", "restricted key, test mode")]
    [InlineData("sk_live_51AbcDEF", "secret key, live mode")]
    [InlineData("sk_test_51AbcDEF", "secret key, test mode")]
    public async Task CheckConnection_GoodSettings_SaysKeyKindAndMode(string key, string expected)
    {
        var result = await Check(GoodSecret, key);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnection_SecretKey_AdvisesRestrictedKey()
    {
        var result = await Check(GoodSecret, "sk_live_51AbcDEF");

        Assert.Contains("restricted key (rk_)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "signing secret is not set")]
    [InlineData("we_1Pgc7XB7WZ01zgkW", "holds the endpoint's id")]
    [InlineData("rk_live_51AbcDEF", "signing secret field holds an API key")]
    [InlineData("0123456789abcdef", "should start with whsec_")]
    public async Task CheckConnection_WrongSecretPrefix_SaysWhatIsWrong(string? secret, string expected)
    {
        var result = await Check(secret, "rk_live_51AbcDEF");

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "API key is not set")]
    [InlineData("pk_live_51AbcDEF", "publishable key")]
    [InlineData("whsec_0123456789abcdef", "API key field holds a webhook signing secret")]
    [InlineData("51AbcDEF", "should start with rk_")]
    [InlineData("rk_51AbcDEF", "test or live mode")]
    public async Task CheckConnection_WrongKeyPrefix_SaysWhatIsWrong(string? key, string expected)
    {
        var result = await Check(GoodSecret, key);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnection_AccountIdWithoutAcctPrefix_SaysWhatIsWrong()
    {
        var result = await Check(GoodSecret, "rk_live_51AbcDEF", "1PgafTB7WZ01zgkW");

        Assert.False(result.Succeeded);
        Assert.Contains("should start with acct_", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnection_SecretAndKeySwapped_ReportsBothAndQuotesNeither()
    {
        var result = await Check("rk_live_51SwappedKey", "whsec_SwappedSecret");

        Assert.False(result.Succeeded);
        Assert.Contains("signing secret field holds an API key", result.Message, StringComparison.Ordinal);
        Assert.Contains("API key field holds a webhook signing secret", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Swapped", result.Message, StringComparison.Ordinal);
    }
}
