using DentalHub.Connectors.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// QuickBooks Online: lists the company's chart of accounts and records each payout as one bank Deposit. The
/// connection authorizes with OAuth (<see cref="QuickBooksOAuth"/>); the host keeps the tokens
/// (<see cref="ConnectorContext.Tokens"/>) and the company's realm id (<see cref="QuickBooksSettings.RealmIdName"/>).
/// </summary>
public sealed class QuickBooksConnector : IConnector, IReadsLedgerAccounts, IWritesDeposits
{
    public const string Key = "quickbooks-online";

    /// <summary>The name of the HttpClient the connector and <see cref="QuickBooksOAuth"/> ask the host's factory for.</summary>
    public const string HttpClientName = "quickbooks-online";

    /// <summary>How long before the refresh token's hard expiry the connection check asks for a reconnect.</summary>
    public static readonly TimeSpan ReconnectWarning = TimeSpan.FromDays(30);

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "QuickBooks Online",
        "Records each card payout as one bank deposit in QuickBooks Online, with gross, fees and refunds on their own lines, so it matches the bank feed to the cent.",
        ConnectorKind.Accounting,
        // Nothing to type: the connection is made by signing in to QuickBooks (OAuth), and the app's own
        // credentials come from configuration (see QuickBooksSettings).
        [],
        context => Create(context))
    {
        SystemName = "QuickBooks",
    };

    private readonly QuickBooksSettings settings;
    private readonly IOAuthTokenStore? tokenStore;
    private readonly TimeProvider time;
    private readonly QuickBooksQueries queries;
    private readonly QuickBooksDeposits deposits;
    private readonly QuickBooksApi api;

    private QuickBooksConnector(QuickBooksSettings settings, ConnectorContext context)
    {
        this.settings = settings;
        tokenStore = context.Tokens;
        time = context.Time;
        var http = context.HttpClients.CreateClient(HttpClientName);
        var oauth = new QuickBooksOAuth(settings, http, context.Time);
        var tokens = new QuickBooksTokenManager(context.Tokens ?? NoTokens.Instance, oauth, settings.RealmId ?? "", context.Time);
        var logger = context.Logs?.CreateLogger<QuickBooksConnector>() ?? (ILogger)NullLogger.Instance;
        api = new QuickBooksApi(http, settings, tokens, context.Time, logger);
        queries = new QuickBooksQueries(api, settings);
        deposits = new QuickBooksDeposits(api, queries, settings);
    }

    /// <summary>As the host creates it; <paramref name="adjust"/> lets tests shorten timeouts and pages.</summary>
    internal static QuickBooksConnector Create(ConnectorContext context, Func<QuickBooksSettings, QuickBooksSettings>? adjust = null)
    {
        var settings = QuickBooksSettings.From(context.Settings);
        return new QuickBooksConnector(adjust?.Invoke(settings) ?? settings, context);
    }

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        if (NotReady() is { } notReady)
        {
            return ConnectionCheckResult.Failed(notReady);
        }
        var answer = await api.GetAsync(settings.Api($"companyinfo/{Uri.EscapeDataString(settings.Realm())}", ("minorversion", QuickBooksApi.MinorVersion)), cancellationToken);
        if (QuickBooksProblem.Of(answer, "the company's details", write: false) is { } problem)
        {
            return ConnectionCheckResult.Failed(problem.ToException().Message);
        }
        var name = QuickBooksWire.Read<WireEnvelope>(((QuickBooksAnswer.Answered)answer).Body)?.CompanyInfo?.CompanyName;
        var company = string.IsNullOrWhiteSpace(name) ? "the QuickBooks company" : $"the QuickBooks company \"{name}\"";
        var sandbox = settings.Sandbox ? " (Intuit's sandbox: not real books)" : "";
        return ConnectionCheckResult.Ok($"Connected to {company}{sandbox}.{await ReconnectSoonAsync(cancellationToken)}");
    }

    public async Task<IReadOnlyList<LedgerAccount>> ReadAccountsAsync(CancellationToken cancellationToken) =>
        NotReady() is { } notReady
            ? throw new ConnectorException(notReady)
            : await queries.AccountsAsync(cancellationToken);

    public async Task<WriteOutcome> WriteDepositAsync(DepositWrite deposit, CancellationToken cancellationToken) =>
        NotReady() is { } notReady
            ? new WriteOutcome.Unavailable(notReady)
            : await deposits.WriteAsync(deposit, cancellationToken);

    public async Task<FindOutcome> FindWrittenDepositAsync(DepositWrite deposit, CancellationToken cancellationToken) =>
        NotReady() is { } notReady
            ? new FindOutcome.CouldNotCheck(notReady)
            : await deposits.FindAsync(deposit, cancellationToken);

    public async Task<WrittenDeposit?> ReadDepositAsync(string depositId, CancellationToken cancellationToken) =>
        NotReady() is { } notReady
            ? throw new ConnectorException(notReady)
            : await deposits.ReadAsync(depositId, cancellationToken);

    /// <summary>What stops every call before it is made: the app's credentials, the company, the tokens.</summary>
    private string? NotReady()
    {
        if (settings.ClientId is null || settings.ClientSecret is null)
        {
            return $"DentalHub's Intuit app is not configured: an administrator must set {QuickBooksSettings.ClientIdName} and {QuickBooksSettings.ClientSecretName} in the Connectors:quickbooks-online configuration.";
        }
        return settings.RealmId is null || tokenStore is null
            ? "This connection is not connected to a QuickBooks company yet. Connect it to QuickBooks on the connection's page."
            : null;
    }

    private async Task<string> ReconnectSoonAsync(CancellationToken cancellationToken)
    {
        var tokens = await tokenStore!.ReadAsync(cancellationToken);
        return tokens?.RefreshTokenHardExpiresAt is { } end && end - time.GetUtcNow() < ReconnectWarning
            ? $" Intuit ends this authorization on {end:yyyy-MM-dd}: reconnect QuickBooks before then to keep payouts flowing."
            : "";
    }

    private sealed class NoTokens : IOAuthTokenStore
    {
        public static NoTokens Instance { get; } = new();

        public Task<OAuthTokens?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<OAuthTokens?>(null);

        public Task<OAuthTokens?> SaveAsync(OAuthTokens tokens, long expectedVersion, CancellationToken cancellationToken) =>
            Task.FromResult<OAuthTokens?>(null);
    }
}
