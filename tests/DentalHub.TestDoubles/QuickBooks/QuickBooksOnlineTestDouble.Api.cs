using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// The Accounting API v3 under <c>/v3/company/{realmId}/</c>: <c>query</c> (Account and Deposit, see <see cref="QboQuery"/>),
/// <c>companyinfo/{realmId}</c>, <c>preferences</c> (CurrencyPrefs), and <c>deposit</c> (create, with <c>requestid</c>
/// replay: a request id seen before is answered with the first answer and creates nothing; and read). Every request
/// needs a valid bearer token (else 401 with Intuit's lower-case <c>fault</c> body, code 3200).
/// Deposits are in QuickBooksOnlineTestDouble.Deposits.cs.
/// </summary>
public sealed partial class QuickBooksOnlineTestDouble
{
    private readonly List<DoubleAccount> accounts = [.. DoubleAccount.DentalPracticeChart];

    /// <summary>Whether the company has multicurrency on (Preferences.CurrencyPrefs).</summary>
    public bool MultiCurrency { get; set; }

    public string HomeCurrency { get; set; } = "USD";

    public IReadOnlyList<DoubleAccount> Accounts
    {
        get { lock (gate) { return accounts.ToList(); } }
    }

    public void AddAccount(DoubleAccount account)
    {
        lock (gate)
        {
            accounts.Add(account);
        }
    }

    /// <summary>The bookkeeper makes an account inactive (or active again) in QuickBooks.</summary>
    public void SetActive(string accountId, bool active)
    {
        lock (gate)
        {
            var i = accounts.FindIndex(a => a.Id == accountId);
            accounts[i] = accounts[i] with { Active = active };
        }
    }

    private void MapApi()
    {
        app.MapGet("/v3/company/{realm}/query", (HttpContext c, string realm) => ApiAsync(c, realm, null, Query));
        app.MapGet("/v3/company/{realm}/companyinfo/{id}", (HttpContext c, string realm) => ApiAsync(c, realm, null, _ => CompanyInfo()));
        app.MapGet("/v3/company/{realm}/preferences", (HttpContext c, string realm) => ApiAsync(c, realm, null, _ => Preferences()));
        app.MapGet("/v3/company/{realm}/deposit/{id}", (HttpContext c, string realm, string id) => ApiAsync(c, realm, null, _ => ReadDeposit(id)));
        app.MapPost("/v3/company/{realm}/deposit", async (HttpContext c, string realm) =>
        {
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync(c.RequestAborted);
            await ApiAsync(c, realm, body, _ => CreateDeposit(c, body));
        });
    }

    /// <summary>Authenticates, applies a queued fault, does the work (under the gate), and answers.</summary>
    private async Task ApiAsync(HttpContext context, string realm, string? body, Func<HttpContext, (int Status, JsonObject Answer)> work)
    {
        var bearer = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..]
            : null;
        QboFault? fault = null;
        (int Status, JsonObject? Answer) outcome;
        lock (gate)
        {
            if (body is not null)
            {
                depositBodies.Add(body);
            }
            if (!AccessTokenValid(bearer))
            {
                outcome = (401, Unauthenticated());
            }
            else if (realm != RealmId)
            {
                outcome = (403, Fault("AUTHORIZATION", ("003100", "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403", "This app is not authorized for the company.", "")));
            }
            else
            {
                fault = body is not null && depositFaults.TryDequeue(out var forDeposit) ? forDeposit
                    : faults.TryDequeue(out var next) ? next : null;
                outcome = fault switch
                {
                    QboFault.Unauthorized401 => (401, Unauthenticated()),
                    QboFault.Throttled429 => (429, Fault("SERVICE", ("003001", "message=ThrottleExceeded; errorCode=003001; statusCode=429", "The request limit was reached.", ""))),
                    QboFault.Fault200 => (200, Fault("ValidationFault",
                        ("6000", "A business validation error has occurred while processing your request", "Business Validation Error: The transaction date is in a closed period.", ""),
                        ("2050", "Invalid String", "String length is either shorter or longer than supported by specification. Min:0 Max:4000 supplied:4001", "PrivateNote"))),
                    QboFault.SubscriptionLapsed => (200, Fault("ValidationFault", ("6190", "Invalid Company Status",
                        "Subscription period has ended or canceled or there was a billing problem : You can't add data to QuickBooks Online because your trial or subscription period ended, you canceled your subscription, or there was a billing problem.", ""))),
                    QboFault.Forbidden403 => (403, Fault("AUTHORIZATION", ("003100", "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403", "The user is not allowed to do this.", ""))),
                    QboFault.Status500BeforeCommit => (500, Fault("SERVICE", ("10000", "An application error has occurred while processing your request", "System Failure Error: An unexpected error occurred.", ""))),
                    QboFault.DropBeforeCommit => (0, null),
                    _ => work(context),
                };
                if (fault is QboFault.Status500AfterCommit)
                {
                    outcome = (500, Fault("SERVICE", ("10000", "An application error has occurred while processing your request", "System Failure Error: An unexpected error occurred.", "")));
                }
                else if (fault is QboFault.DropAfterCommit)
                {
                    outcome = (0, null);
                }
            }
            Record(context, outcome.Status, bearer: bearer);
        }

        if (outcome.Answer is null)
        {
            context.Abort();
            return;
        }
        if (fault is QboFault.TimeoutAfterCommit)
        {
            try
            {
                await Task.Delay(Hold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (fault is QboFault.Throttled429 && ThrottleRetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = ThrottleRetryAfter;
        }
        context.Response.Headers["intuit_tid"] = "1-double-" + Guid.NewGuid().ToString("N")[..12];
        await Results.Json(outcome.Answer, statusCode: outcome.Status).ExecuteAsync(context);
    }

    // Callers hold the gate.
    private (int, JsonObject) Query(HttpContext context)
    {
        var (query, error) = QboQuery.Parse(context.Request.Query["query"].ToString());
        if (query is null)
        {
            return (400, Fault("ValidationFault", ("4000", "Error parsing query", $"QueryParserError: {error}", "")));
        }
        var (entity, rows, problem) = query.Entity switch
        {
            "Account" => ("Account", AccountRows(query), null),
            "Deposit" => ("Deposit", DepositRows(query, out var unqueryable), unqueryable),
            _ => (query.Entity, (IReadOnlyList<JsonObject>)[], $"QueryValidationError: entity {query.Entity} is not supported by this double"),
        };
        if (problem is not null)
        {
            return (400, Fault("ValidationFault", ("4001", "Invalid query", problem, "")));
        }
        var response = new JsonObject();
        if (rows.Count > 0)
        {
            response[entity] = new JsonArray([.. rows]);
            response["startPosition"] = query.StartPosition;
            response["maxResults"] = rows.Count;
        }
        return (200, new JsonObject { ["QueryResponse"] = response, ["time"] = Now });
    }

    // QuickBooks returns only active list entities unless the query mentions Active.
    private List<JsonObject> AccountRows(QboQuery query) =>
        [.. query.Apply(accounts.Where(a => a.Active || query.Mentions("Active")), (a, f) => a.Field(f)).Select(a => a.ToJson())];

    private (int, JsonObject) CompanyInfo() => (200, new JsonObject
    {
        ["CompanyInfo"] = new JsonObject { ["CompanyName"] = CompanyName, ["Country"] = "US", ["Id"] = "1", ["SyncToken"] = "0" },
        ["time"] = Now,
    });

    private (int, JsonObject) Preferences() => (200, new JsonObject
    {
        ["Preferences"] = new JsonObject
        {
            ["CurrencyPrefs"] = new JsonObject
            {
                ["MultiCurrencyEnabled"] = MultiCurrency,
                ["HomeCurrency"] = new JsonObject { ["value"] = HomeCurrency },
            },
        },
        ["time"] = Now,
    });

    private static JsonObject Unauthenticated() => new()
    {
        ["fault"] = new JsonObject
        {
            ["error"] = new JsonArray(new JsonObject
            {
                ["message"] = "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                ["detail"] = "Token expired or invalid",
                ["code"] = "3200",
            }),
            ["type"] = "AUTHENTICATION",
        },
    };

    private static string? Text(JsonElement owner, params string[] path)
    {
        var at = owner;
        foreach (var name in path)
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return null;
            }
        }
        return at.ValueKind switch
        {
            JsonValueKind.String => at.GetString(),
            JsonValueKind.Number => at.GetRawText(),
            _ => null,
        };
    }
}
