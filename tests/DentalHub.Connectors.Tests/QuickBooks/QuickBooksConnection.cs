using DentalHub.Connectors.Contract;
using DentalHub.Connectors.QuickBooks;
using DentalHub.TestDoubles.QuickBooks;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>QuickBooks connections as the host creates them, pointed at the double; and payouts to write.</summary>
public static class QuickBooksConnection
{
    /// <summary>Long enough for loopback on a busy machine.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    public static ConnectorSettings Settings(QuickBooksOnlineTestDouble qbo, string clientSecret = QuickBooksOnlineTestDouble.ClientSecret) => new(
        new Dictionary<string, string>
        {
            [QuickBooksSettings.ClientIdName] = QuickBooksOnlineTestDouble.ClientId,
            [QuickBooksSettings.EnvironmentName] = QuickBooksSettings.SandboxEnvironment,
            [QuickBooksSettings.TokenUrlName] = qbo.TokenUrl.ToString(),
            [QuickBooksSettings.RevokeUrlName] = qbo.RevokeUrl.ToString(),
            [QuickBooksSettings.ApiBaseUrlName] = qbo.Root.ToString(),
            [QuickBooksSettings.RealmIdName] = qbo.RealmId,
        },
        new Dictionary<string, string> { [QuickBooksSettings.ClientSecretName] = clientSecret });

    public static QuickBooksConnector Connector(
        QuickBooksOnlineTestDouble qbo, IHttpClientFactory http, IOAuthTokenStore? store,
        TimeProvider? time = null, TimeSpan? requestTimeout = null, int pageSize = 1000) =>
        QuickBooksConnector.Create(
            new ConnectorContext(Settings(qbo), time ?? TimeProvider.System, http, store),
            s => s with { RequestTimeout = requestTimeout ?? RequestTimeout, PageSize = pageSize });

    public static QuickBooksOAuth OAuth(QuickBooksOnlineTestDouble qbo, IHttpClientFactory http, TimeProvider? time = null, string clientSecret = QuickBooksOnlineTestDouble.ClientSecret) =>
        QuickBooksOAuth.Create(Settings(qbo, clientSecret), http, time ?? TimeProvider.System);

    public static OAuthTokens Tokens(DoubleTokens issued) => new(
        issued.AccessToken, issued.AccessTokenExpiresAt, issued.RefreshToken, issued.RefreshTokenExpiresAt, issued.RefreshTokenHardExpiresAt, Version: 0);

    /// <summary>A payout of 1,250.00 gross, 36.55 fees and a 50.00 refund: 1,163.45 reaches the bank.</summary>
    public static DepositWrite Payout(string reference = "po_1Double", string? requestId = null, DateOnly? date = null, IReadOnlyList<DepositLine>? lines = null) => new(
        reference,
        requestId ?? $"{reference}-v1",
        date ?? new DateOnly(2026, 11, 20),
        DoubleAccount.Checking,
        "USD",
        $"Stripe payout {reference}",
        lines ??
        [
            new DepositLine(DoubleAccount.PatientCardIncome, 1250.00m, "Card payments, gross"),
            new DepositLine(DoubleAccount.MerchantFees, -36.55m, "Stripe processing fees"),
            new DepositLine(DoubleAccount.PatientRefunds, -50.00m, "Refunds"),
        ]);
}
