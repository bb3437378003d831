using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Stripe;

/// <summary>A Stripe connection's settings, with the checks that need no call to Stripe.</summary>
public sealed record StripeConnectionSettings(string? WebhookSecret, string? ApiKey, string? AccountId)
{
    public const string WebhookSecretField = "webhookSigningSecret";
    public const string ApiKeyField = "apiKey";
    public const string AccountIdField = "accountId";

    /// <summary>Configuration only (Connectors:stripe:ApiBase): a stand-in for Stripe's API, for tests and stripe-mock.</summary>
    public const string ApiBaseSetting = "ApiBase";

    /// <summary>Where Stripe's API is; only tests point it elsewhere (null means api.stripe.com).</summary>
    public string? ApiBase { get; init; }

    public static StripeConnectionSettings From(ConnectorSettings settings) => new(
        settings.Secret(WebhookSecretField)?.Trim(),
        settings.Secret(ApiKeyField)?.Trim(),
        settings.Value(AccountIdField))
    {
        ApiBase = settings.Value(ApiBaseSetting),
    };

    /// <summary>True for a test-mode key, false for live, null when the key says neither.</summary>
    public bool? IsTestMode => ApiKey switch
    {
        null => null,
        _ when ApiKey.StartsWith("rk_test_", StringComparison.Ordinal) || ApiKey.StartsWith("sk_test_", StringComparison.Ordinal) => true,
        _ when ApiKey.StartsWith("rk_live_", StringComparison.Ordinal) || ApiKey.StartsWith("sk_live_", StringComparison.Ordinal) => false,
        _ => null,
    };

    /// <summary>Each problem as a sentence a person can act on; empty when all looks right.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WebhookSecretProblem() is { } secret)
        {
            problems.Add(secret);
        }
        if (ApiKeyProblem() is { } key)
        {
            problems.Add(key);
        }
        if (AccountId is not null && !AccountId.StartsWith("acct_", StringComparison.Ordinal))
        {
            problems.Add("The account id should start with acct_ (Stripe Dashboard → Settings → Account details). Leave it empty unless DentalHub connects through Stripe Connect.");
        }
        return problems;
    }

    /// <summary>What the offline check can say when nothing is wrong.</summary>
    public string Summary()
    {
        var keyKind = ApiKey!.StartsWith("rk_", StringComparison.Ordinal) ? "restricted key" : "secret key";
        var mode = IsTestMode == true ? "test mode: payments are not real" : "live mode";
        var advice = keyKind == "secret key"
            ? " A restricted key (rk_) with read access to charges, balance and payouts would be safer than a secret key."
            : "";
        var account = AccountId is null ? "" : $", connected account {AccountId}";
        return $"The settings look right ({keyKind}, {mode}{account}). They were checked without calling Stripe; " +
            $"the first webhook Stripe sends confirms the signing secret.{advice}";
    }

    // Messages name the kind of value found, never the value: these are secrets.
    private string? WebhookSecretProblem() => WebhookSecret switch
    {
        null => "The webhook signing secret is not set. In Stripe's Dashboard open Developers → Webhooks → the DentalHub endpoint, reveal its signing secret (whsec_...) and paste it here.",
        _ when WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal) => null,
        _ when LooksLikeApiKey(WebhookSecret) => "The webhook signing secret field holds an API key. Paste the endpoint's signing secret there (it starts with whsec_), and the key in the API key field.",
        _ when WebhookSecret.StartsWith("we_", StringComparison.Ordinal) => "The webhook signing secret field holds the endpoint's id (we_...). Paste its signing secret instead (it starts with whsec_).",
        _ => "The webhook signing secret should start with whsec_, and this one does not. Copy it again from the endpoint's page in Stripe's Dashboard.",
    };

    private string? ApiKeyProblem() => ApiKey switch
    {
        null => "The API key is not set. In Stripe's Dashboard open Developers → API keys, create a restricted key (rk_...) with read access to charges, balance and payouts, and paste it here.",
        _ when ApiKey.StartsWith("pk_", StringComparison.Ordinal) => "The API key is a publishable key (pk_...), which cannot read fees or payouts. Use a restricted key (rk_...) instead.",
        _ when ApiKey.StartsWith("whsec_", StringComparison.Ordinal) => "The API key field holds a webhook signing secret. Put that in the signing secret field, and a restricted key (rk_...) here.",
        _ when !LooksLikeApiKey(ApiKey) => "The API key should start with rk_ (a restricted key) or sk_, and this one does not. Copy it again from Developers → API keys.",
        _ when IsTestMode is null => "The API key does not say whether it is for test or live mode (it should start with rk_live_, rk_test_, sk_live_ or sk_test_). Copy it again from Developers → API keys.",
        _ => null,
    };

    private static bool LooksLikeApiKey(string value) =>
        value.StartsWith("rk_", StringComparison.Ordinal) || value.StartsWith("sk_", StringComparison.Ordinal);
}
