using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DentalHub.TestDoubles.Stripe;

/// <summary>
/// Stripe's balance transaction list for payouts (GET /v1/balance_transactions?payout=po_...), for the app's tests:
/// a practice's payouts are added with their movements in currency units and served in Stripe's wire format
/// (amounts in minor units, net = amount - fee, the payout's own row last), one page per payout.
/// Written from docs.stripe.com/api/balance_transactions/list.
/// </summary>
public sealed class StripeBalanceTestDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, List<JsonObject>> payouts = new(StringComparer.Ordinal);

    private StripeBalanceTestDouble(WebApplication app) => this.app = app;

    public static async Task<StripeBalanceTestDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var stripe = new StripeBalanceTestDouble(builder.Build());
        stripe.app.MapGet("/v1/balance_transactions", (string? payout) => stripe.List(payout));
        await stripe.app.StartAsync();
        return stripe;
    }

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>How many list requests were served.</summary>
    private int listRequests;

    public int ListRequests => Volatile.Read(ref listRequests);

    /// <param name="rows">(reporting category, source id, amount, fee) in currency units; the payout's own row is added.</param>
    public void AddPayout(string payoutId, string currency, params (string Category, string Source, decimal Amount, decimal Fee)[] rows)
    {
        var list = rows.Select((r, i) => Row($"txn_{payoutId}_{i}", r.Category, r.Source, r.Amount, r.Fee, currency)).ToList();
        var net = rows.Sum(r => r.Amount - r.Fee);
        list.Add(Row($"txn_{payoutId}_payout", "payout", payoutId, -net, 0m, currency));
        payouts[payoutId] = list;
    }

    private IResult List(string? payout)
    {
        Interlocked.Increment(ref listRequests);
        var rows = payout is not null && payouts.TryGetValue(payout, out var found) ? found : [];
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. rows.Select(r => (JsonNode)r.DeepClone())]),
            ["has_more"] = false,
            ["url"] = "/v1/balance_transactions",
        };
        return Results.Content(body.ToJsonString(), "application/json");
    }

    private static JsonObject Row(string id, string category, string source, decimal amount, decimal fee, string currency)
    {
        long Minor(decimal value) => (long)decimal.Round(value * 100m);
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "balance_transaction",
            ["amount"] = Minor(amount),
            ["fee"] = Minor(fee),
            ["net"] = Minor(amount - fee),
            ["currency"] = currency.ToLower(CultureInfo.InvariantCulture),
            ["reporting_category"] = category,
            ["type"] = category == "dispute" ? "adjustment" : category,
            ["source"] = source,
            ["status"] = "available",
            ["created"] = 1763800000,
            ["available_on"] = 1763800000,
            ["fee_details"] = new JsonArray(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
