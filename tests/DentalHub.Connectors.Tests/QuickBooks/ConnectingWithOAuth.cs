using DentalHub.Connectors.Contract;
using DentalHub.Connectors.QuickBooks;
using DentalHub.TestDoubles.QuickBooks;
using static DentalHub.Connectors.Tests.QuickBooks.QuickBooksConnection;

namespace DentalHub.Connectors.Tests.QuickBooks;

public sealed class ConnectingWithOAuth : QuickBooksScenario
{
    private static readonly Uri Callback = new("https://hub.example/connections/quickbooks/callback");

    [Fact]
    public void AuthorizeUrl_State_AsksIntuitForAccountingConsentWithTheCallbackAndState()
    {
        var url = QuickBooksOAuth.Create(new ConnectorSettings(
            new Dictionary<string, string> { [QuickBooksSettings.ClientIdName] = "AB123" },
            new Dictionary<string, string> { [QuickBooksSettings.ClientSecretName] = "s" }), Http, TimeProvider.System)
            .AuthorizeUrl("st&ate=1", Callback);

        Assert.Equal("https://appcenter.intuit.com/connect/oauth2", url.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("AB123", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("com.intuit.quickbooks.accounting", query["scope"]);
        Assert.Equal(Callback.ToString(), query["redirect_uri"]);
        Assert.Equal("st&ate=1", query["state"]);
    }

    [Fact]
    public async Task ExchangeCode_CodeFromTheCallback_GivesWorkingTokensWithTheHardExpiry()
    {
        var code = Qbo.IssueAuthorizationCode(Callback.ToString());
        var before = TimeProvider.System.GetUtcNow();

        var tokens = await OAuth(Qbo, Http).ExchangeCodeAsync(code, Callback, CancellationToken.None);

        Assert.Equal(0, tokens.Version);
        Assert.Equal(Qbo.CurrentRefreshToken, tokens.RefreshToken);
        Assert.InRange(tokens.AccessTokenExpiresAt, before.AddMinutes(59), before.AddMinutes(61));
        Assert.InRange(tokens.RefreshTokenExpiresAt, before.AddDays(100), before.AddDays(102));
        Assert.InRange(tokens.RefreshTokenHardExpiresAt!.Value, before.AddDays(5 * 365 - 1), before.AddDays(5 * 365 + 1));
        var check = await Connector(store: new InMemoryTokenStore(tokens)).CheckConnectionAsync(CancellationToken.None);
        Assert.True(check.Succeeded, check.Message);
    }

    [Fact]
    public async Task ExchangeCode_UsedTwice_TellsThePersonToReconnect()
    {
        var code = Qbo.IssueAuthorizationCode(Callback.ToString());
        var oauth = OAuth(Qbo, Http);
        await oauth.ExchangeCodeAsync(code, Callback, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<QuickBooksTokenException>(() => oauth.ExchangeCodeAsync(code, Callback, CancellationToken.None));

        Assert.Equal(QuickBooksTokenProblem.Reconnect, failure.Problem);
        Assert.Contains("Reconnect QuickBooks", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_WrongClientSecret_BlamesTheAppsConfiguration()
    {
        var code = Qbo.IssueAuthorizationCode(Callback.ToString());

        var failure = await Assert.ThrowsAsync<QuickBooksTokenException>(
            () => OAuth(Qbo, Http, clientSecret: "wrong").ExchangeCodeAsync(code, Callback, CancellationToken.None));

        Assert.Equal(QuickBooksTokenProblem.AppMisconfigured, failure.Problem);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_RefreshToken_EndsDentalHubsAccessToTheCompany()
    {
        await OAuth(Qbo, Http).RevokeAsync(Store.Current!.RefreshToken, CancellationToken.None);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Null(Qbo.CurrentRefreshToken);
        Assert.Equal(200, Assert.Single(Qbo.Requests, r => r.Path == QuickBooksOnlineTestDouble.RevokePath).Status);
        Assert.Contains("Reconnect QuickBooks", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_TokenIntuitDoesNotKnow_Throws()
    {
        await Assert.ThrowsAsync<QuickBooksTokenException>(() => OAuth(Qbo, Http).RevokeAsync("RT1-unknown", CancellationToken.None));
    }
}
