using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// Deposits as Intuit's reference describes them: DepositToAccountRef (a Bank or Other Current Asset account) and Line
/// required; each line <c>DetailType: DepositLineDetail</c> with Amount and <c>DepositLineDetail.AccountRef</c>; a
/// missing or inactive account is fault 610; TotalAmt is computed; PrivateNote is kept but cannot be queried (Deposit
/// filters: Id, TxnDate, MetaData.CreateTime, MetaData.LastUpdatedTime).
/// </summary>
public sealed partial class QuickBooksOnlineTestDouble
{
    private const string InactiveDetail =
        "Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.";

    private static readonly string[] DepositFilters = ["Id", "TxnDate", "MetaData.CreateTime", "MetaData.LastUpdatedTime"];

    private readonly List<JsonObject> deposits = [];
    private readonly List<string> depositBodies = [];
    private readonly List<string> schemaErrors = [];
    private readonly Dictionary<string, (int Status, JsonObject Answer)> replies = [];
    private long nextDepositId = 150;
    private decimal? nextStoredTotal;

    public IReadOnlyList<DoubleDeposit> Deposits
    {
        get { lock (gate) { return [.. deposits.Select(DoubleDeposit.From)]; } }
    }

    /// <summary>Every POST /deposit body, as sent.</summary>
    public IReadOnlyList<string> DepositBodies
    {
        get { lock (gate) { return depositBodies.ToList(); } }
    }

    /// <summary>Every schema error of every Deposit body received ("#n: ..." with n counted from 1).</summary>
    public IReadOnlyList<string> SchemaErrors
    {
        get { lock (gate) { return schemaErrors.ToList(); } }
    }

    /// <summary>The bookkeeper deletes a deposit in QuickBooks.</summary>
    public void DeleteDeposit(string id)
    {
        lock (gate)
        {
            deposits.RemoveAll(d => (string?)d["Id"] == id);
        }
    }

    /// <summary>The next deposit is stored with this total rather than its lines' sum, as when QuickBooks applies something DentalHub did not send.</summary>
    public void StoreNextDepositTotalAs(decimal total)
    {
        lock (gate)
        {
            nextStoredTotal = total;
        }
    }

    /// <summary>The bookkeeper corrects a deposit's total in QuickBooks.</summary>
    public void SetDepositTotal(string id, decimal total)
    {
        lock (gate)
        {
            deposits.First(d => (string?)d["Id"] == id)["TotalAmt"] = total;
        }
    }

    /// <summary>A deposit entered by hand (or by another app).</summary>
    public DoubleDeposit AddDeposit(DateOnly txnDate, string privateNote, decimal amount, string accountId = DoubleAccount.PatientCardIncome)
    {
        var body = new JsonObject
        {
            ["TxnDate"] = txnDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DepositToAccountRef"] = new JsonObject { ["value"] = DoubleAccount.Checking },
            ["PrivateNote"] = privateNote,
            ["Line"] = new JsonArray(new JsonObject
            {
                ["Amount"] = amount,
                ["DetailType"] = "DepositLineDetail",
                ["DepositLineDetail"] = new JsonObject { ["AccountRef"] = new JsonObject { ["value"] = accountId } },
            }),
        };
        lock (gate)
        {
            using var json = JsonDocument.Parse(body.ToJsonString());
            return DoubleDeposit.From(Commit(json.RootElement));
        }
    }

    // Callers hold the gate.
    private (int, JsonObject) CreateDeposit(HttpContext context, string body)
    {
        var requestId = context.Request.Query["requestid"].ToString();
        if (requestId.Length > 0 && replies.TryGetValue(requestId, out var reply))
        {
            return (reply.Status, (JsonObject)reply.Answer.DeepClone());
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (400, Fault("ValidationFault", ("2500", "Invalid Reference Id", "Request body is not valid JSON.", "")));
        }
        using (document)
        {
            Validate(document.RootElement);
            var errors = Problems(document.RootElement);
            var answer = errors.Count > 0
                ? (400, Fault("ValidationFault", [.. errors]))
                : (200, new JsonObject { ["Deposit"] = Commit(document.RootElement).DeepClone(), ["time"] = Now });
            if (requestId.Length > 0)
            {
                replies[requestId] = (answer.Item1, (JsonObject)answer.Item2.DeepClone());
            }
            return answer;
        }
    }

    private void Validate(JsonElement body)
    {
        if (schema is null)
        {
            return;
        }
        var number = depositBodies.Count;
        schemaErrors.AddRange(schema.Validate(body).Select(e => $"#{number}: {e}"));
    }

    // Callers hold the gate.
    private List<(string, string, string, string)> Problems(JsonElement body)
    {
        var errors = new List<(string, string, string, string)>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("2010", "Request has invalid or unsupported property", "The body is not a Deposit.", ""));
            return errors;
        }
        var bankId = Text(body, "DepositToAccountRef", "value");
        var bank = accounts.FirstOrDefault(a => a.Id == bankId);
        if (bankId is null)
        {
            errors.Add(("2020", "Required param missing, need to supply the required value for the API", "Required parameter DepositToAccountRef is missing in the request", "DepositToAccountRef"));
        }
        else if (bank is not { Active: true })
        {
            errors.Add(("610", "Object Not Found", InactiveDetail, ""));
        }
        else if (!bank.CanReceiveDeposits)
        {
            errors.Add(("6000", "A business validation error has occurred while processing your request", "Business Validation Error: Select a bank account for this deposit.", ""));
        }
        if (!body.TryGetProperty("Line", out var lines) || lines.ValueKind != JsonValueKind.Array || lines.GetArrayLength() == 0)
        {
            errors.Add(("2020", "Required param missing, need to supply the required value for the API", "Required parameter Line is missing in the request", "Line"));
            return errors;
        }
        foreach (var line in lines.EnumerateArray())
        {
            var accountId = Text(line, "DepositLineDetail", "AccountRef", "value");
            var account = accounts.FirstOrDefault(a => a.Id == accountId);
            if (Text(line, "DetailType") != "DepositLineDetail" || accountId is null || !line.TryGetProperty("Amount", out var amount) || amount.ValueKind != JsonValueKind.Number)
            {
                errors.Add(("2020", "Required param missing, need to supply the required value for the API", "Required parameter Line.DepositLineDetail.AccountRef or Amount is missing in the request", "Line"));
            }
            else if (account is not { Active: true })
            {
                errors.Add(("610", "Object Not Found", InactiveDetail, ""));
            }
            else if (!account.CanBeOnADepositLine)
            {
                errors.Add(("6000", "A business validation error has occurred while processing your request", $"Business Validation Error: Account {account.Name} cannot be used on a deposit line.", ""));
            }
        }
        return [.. errors.Distinct()];
    }

    // Callers hold the gate.
    private JsonObject Commit(JsonElement body)
    {
        var now = Now;
        var lines = new JsonArray();
        var total = 0m;
        var number = 0;
        foreach (var line in body.GetProperty("Line").EnumerateArray())
        {
            var amount = line.GetProperty("Amount").GetDecimal();
            total += amount;
            var accountId = Text(line, "DepositLineDetail", "AccountRef", "value")!;
            number++;
            lines.Add(new JsonObject
            {
                ["Id"] = number.ToString(CultureInfo.InvariantCulture),
                ["LineNum"] = number,
                ["Description"] = Text(line, "Description"),
                ["Amount"] = amount,
                ["DetailType"] = "DepositLineDetail",
                ["DepositLineDetail"] = new JsonObject { ["AccountRef"] = Reference(accountId) },
            });
        }
        var deposit = new JsonObject
        {
            ["DepositToAccountRef"] = Reference(Text(body, "DepositToAccountRef", "value")!),
            ["TotalAmt"] = nextStoredTotal ?? total,
            ["domain"] = "QBO",
            ["sparse"] = false,
            ["Id"] = (nextDepositId++).ToString(CultureInfo.InvariantCulture),
            ["SyncToken"] = "0",
            ["MetaData"] = new JsonObject { ["CreateTime"] = now, ["LastUpdatedTime"] = now },
            ["TxnDate"] = Text(body, "TxnDate") ?? time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CurrencyRef"] = new JsonObject { ["value"] = Text(body, "CurrencyRef", "value") ?? HomeCurrency },
            ["PrivateNote"] = Text(body, "PrivateNote"),
            ["Line"] = lines,
        };
        nextStoredTotal = null;
        deposits.Add(deposit);
        return deposit;
    }

    private JsonObject Reference(string accountId) =>
        new() { ["value"] = accountId, ["name"] = accounts.FirstOrDefault(a => a.Id == accountId)?.Name };

    // Callers hold the gate.
    private (int, JsonObject) ReadDeposit(string id) =>
        deposits.FirstOrDefault(d => (string?)d["Id"] == id) is { } found
            ? (200, new JsonObject { ["Deposit"] = found.DeepClone(), ["time"] = Now })
            : (400, Fault("ValidationFault", ("610", "Object Not Found", $"Object Not Found : {InactiveDetail}", "")));

    // Callers hold the gate.
    private List<JsonObject> DepositRows(QboQuery query, out string? unqueryable)
    {
        unqueryable = query.Conditions.FirstOrDefault(c => !DepositFilters.Contains(c.Field, StringComparer.OrdinalIgnoreCase)) is { } bad
            ? $"QueryValidationError: property '{bad.Field}' is not queryable"
            : null;
        return unqueryable is not null
            ? []
            : [.. query.Apply(deposits, (d, field) => field.Split('.') switch
            {
                ["MetaData", var part] => (string?)d["MetaData"]?[part],
                [var name] => (string?)d[name],
                _ => null,
            }).Select(d => (JsonObject)d.DeepClone())];
    }
}

/// <summary>A deposit as the double holds it.</summary>
public sealed record DoubleDeposit(string Id, string TxnDate, string DepositAccountId, decimal TotalAmt, string? PrivateNote, string? Currency, IReadOnlyList<DoubleDepositLine> Lines)
{
    public static DoubleDeposit From(JsonObject json) => new(
        (string)json["Id"]!,
        (string)json["TxnDate"]!,
        (string)json["DepositToAccountRef"]!["value"]!,
        (decimal)json["TotalAmt"]!,
        (string?)json["PrivateNote"],
        (string?)json["CurrencyRef"]?["value"],
        [.. json["Line"]!.AsArray().Select(l => new DoubleDepositLine(
            (string)l!["DepositLineDetail"]!["AccountRef"]!["value"]!, (decimal)l["Amount"]!, (string?)l["Description"]))]);
}

public sealed record DoubleDepositLine(string AccountId, decimal Amount, string? Description);
