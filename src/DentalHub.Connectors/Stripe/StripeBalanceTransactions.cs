using System.Net;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using Stripe;

namespace DentalHub.Connectors.Stripe;

/// <summary>
/// Reads balance transactions through Stripe.net: one by id (a payment's fee), or all of a payout.
/// GETs only, so no idempotency key is needed. Stripe.net retries connection errors, 409s and 5xx.
/// </summary>
public sealed class StripeBalanceTransactions(IStripeClient client, string? accountId)
{
    public static StripeBalanceTransactions Create(
        string apiKey, string? accountId, HttpClient http, string? apiBase = null, int maxNetworkRetries = 2) =>
        new(new StripeClient(
                apiKey,
                httpClient: new SystemNetHttpClient(http, maxNetworkRetries),
                apiBase: apiBase),
            accountId);

    private readonly BalanceTransactionService service = new(client);

    public async Task<ProcessorSettlement?> GetAsync(string balanceTransactionId, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = await service.GetAsync(balanceTransactionId, null, RequestOptions(), cancellationToken);
            return StripePaymentMapping.Settlement(transaction);
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (StripeException e)
        {
            throw Translate(e);
        }
    }

    public async IAsyncEnumerable<ProcessorSettlement> ListForPayoutAsync(
        string payoutId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new BalanceTransactionListOptions { Payout = payoutId, Limit = 100 };
        var pages = service.ListAutoPagingAsync(options, RequestOptions(), cancellationToken);
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            BalanceTransaction transaction;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
                transaction = enumerator.Current;
            }
            catch (StripeException e)
            {
                throw Translate(e);
            }
            yield return StripePaymentMapping.Settlement(transaction);
        }
    }

    // Stripe-Account makes a platform key act for the practice's connected account.
    private RequestOptions? RequestOptions() => accountId is null ? null : new RequestOptions { StripeAccount = accountId };

    /// <summary>
    /// Refusals a person must fix become configuration errors; the rest stay HTTP failures the caller
    /// may retry. Stripe's own message is left out: it can echo request parameters.
    /// </summary>
    private static Exception Translate(StripeException e) => e.HttpStatusCode switch
    {
        HttpStatusCode.Unauthorized => new ConnectorConfigurationException(
            "Stripe refused the API key. Create a new restricted key in Stripe's Dashboard and paste it into the connection."),
        HttpStatusCode.Forbidden => new ConnectorConfigurationException(
            "The API key may not read balance transactions. Give the restricted key Read access to Balance (and, with Connect, to the connected account)."),
        var status => new HttpRequestException(
            $"Stripe answered {(int)status} to a balance transaction request ({e.StripeError?.Type ?? "no error type"}).", e, status),
    };
}
