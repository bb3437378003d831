using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>
/// A local stand-in for Stripe's balance transaction endpoints on 127.0.0.1, answering in Stripe's
/// wire format so that Stripe.net itself is exercised. Lists come two rows a page to force paging.
/// </summary>
internal sealed class StripeApiDouble : IAsyncDisposable
{
    public const string ApiKey = "rk_test_51DoubleKey";
    public const string PayoutId = "po_1DoublePayout";
    private const int PageSize = 2;

    private readonly WebApplication app;
    private readonly IReadOnlyList<JsonObject> transactions;

    private StripeApiDouble(WebApplication app, IReadOnlyList<JsonObject> transactions)
    {
        this.app = app;
        this.transactions = transactions;
    }

    public string BaseUrl => app.Urls.Single();

    /// <summary>Path and query, Authorization and Stripe-Account of every request, in order.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Authorization, string? StripeAccount)> Requests { get; } = new();

    public static async Task<StripeApiDouble> StartAsync(IReadOnlyList<JsonObject> transactions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stripe = new StripeApiDouble(app, transactions);
        app.Use(stripe.RecordAndAuthorize);
        app.MapGet("/v1/balance_transactions/{id}", (string id) => stripe.One(id));
        app.MapGet("/v1/balance_transactions", (string? payout, string? starting_after) => stripe.Page(payout, starting_after));
        await app.StartAsync();
        return stripe;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task RecordAndAuthorize(HttpContext context, RequestDelegate next)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue((context.Request.Path + context.Request.QueryString, authorization,
            context.Request.Headers.TryGetValue("Stripe-Account", out var account) ? account.ToString() : null));
        if (authorization != $"Bearer {ApiKey}")
        {
            await Error(StatusCodes.Status401Unauthorized, "invalid_request_error", null).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private IResult One(string id) => id switch
    {
        "txn_forbidden" => Error(StatusCodes.Status403Forbidden, "invalid_request_error", null),
        "txn_bad_request" => Error(StatusCodes.Status400BadRequest, "invalid_request_error", "parameter_invalid_empty"),
        _ => transactions.FirstOrDefault(t => (string?)t["id"] == id) is { } found
            ? Json(found)
            : Error(StatusCodes.Status404NotFound, "invalid_request_error", "resource_missing"),
    };

    private IResult Page(string? payout, string? startingAfter)
    {
        if (payout != PayoutId)
        {
            return Json(new JsonObject { ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = "/v1/balance_transactions" });
        }
        var start = startingAfter is null ? 0 : transactions.ToList().FindIndex(t => (string?)t["id"] == startingAfter) + 1;
        var page = transactions.Skip(start).Take(PageSize).Select(t => (JsonNode)t.DeepClone()).ToArray();
        return Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page),
            ["has_more"] = start + PageSize < transactions.Count,
            ["url"] = "/v1/balance_transactions",
        });
    }

    private static IResult Json(JsonNode body) =>
        Results.Content(body.ToJsonString(), "application/json", statusCode: StatusCodes.Status200OK);

    private static IResult Error(int status, string type, string? code) => Results.Content(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["type"] = type,
                ["code"] = code,
                ["message"] = "Stand-in error " + status.ToString(CultureInfo.InvariantCulture),
            },
        }.ToJsonString(),
        "application/json",
        statusCode: status);
}
