using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// The account endpoints, as opendental.com/site/api{procedurelogs,paysplits,claimprocs,adjustments,accountmodules}.html
/// document them:
/// <list type="bullet">
/// <item><c>GET /procedurelogs</c>: PatNum; DateTStamp "on or after"; each item with its DateTStamp and serverDateTime.</item>
/// <item><c>GET /paysplits</c>: PatNum, PayNum, ProcNum, all optional (24.4.24); no change filter; SecDateTEdit in each item.</item>
/// <item><c>GET /claimprocs</c>: ProcNum, ClaimNum, PatNum, Status (by name), ClaimPaymentNum, all optional; no change filter.</item>
/// <item><c>GET /adjustments</c>: PatNum required, AdjType, ProcNum; no change filter.</item>
/// <item><c>GET /accountmodules/{PatNum}/Aging</c>: the family's aging for any member; 404 for an unknown patient, 400 for a deleted one.</item>
/// </list>
/// Items are kept in the generic lists (<see cref="Put(string, long, IReadOnlyDictionary{string, object?})"/>); these paysplits are
/// separate from the ones <c>POST /payments</c> makes.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>Each account list: its stamp field, the filters it accepts (matched as text), and the one it requires.</summary>
    private static readonly Dictionary<string, (string StampField, bool ServerTimed, string[] Filters, string? Required)> AccountLists = new()
    {
        ["procedurelogs"] = ("DateTStamp", true, ["PatNum", "AptNum", "ClinicNum", "ProcStatus"], null),
        ["paysplits"] = ("SecDateTEdit", false, ["PatNum", "PayNum", "ProcNum"], null),
        ["claimprocs"] = ("SecDateTEdit", false, ["ProcNum", "ClaimNum", "PatNum", "Status", "ClaimPaymentNum"], null),
        ["adjustments"] = ("SecDateTEdit", false, ["PatNum", "AdjType", "ProcNum"], "PatNum"),
    };

    private readonly Dictionary<long, IReadOnlyDictionary<string, object?>> agings = [];

    /// <summary>Adds or edits an item as stamped at <paramref name="stamp"/> (the office's wall clock), e.g. long before a read.</summary>
    public void Put(string list, long key, IReadOnlyDictionary<string, object?> fields, DateTime stamp)
    {
        lock (gate)
        {
            ListOf(list)[key] = new DoubleItem(key, fields, Truncate(stamp));
        }
    }

    /// <summary>What <c>GET /accountmodules/{PatNum}/Aging</c> answers for the family of <paramref name="guarantor"/>.</summary>
    public void SetAging(long guarantor, IReadOnlyDictionary<string, object?> aging)
    {
        lock (gate)
        {
            agings[guarantor] = aging;
        }
    }

    private void MapLedger()
    {
        foreach (var (list, shape) in AccountLists)
        {
            app.MapGet($"/api/v1/{list}", context => AccountListAsync(context, list, shape.StampField, shape.ServerTimed, shape.Filters, shape.Required));
        }
        app.MapGet("/api/v1/accountmodules/{patNum}/Aging", AgingAsync);
    }

    private async Task AccountListAsync(HttpContext context, string list, string stampField, bool serverTimed, string[] filters, string? required)
    {
        var query = QueryOf(context);
        IResult result;
        lock (gate)
        {
            int status;
            (status, result) = AnswerAccountList(context, query, list, stampField, serverTimed, filters, required);
            Record(context, query, status);
        }
        await result.ExecuteAsync(context);
    }

    private (int Status, IResult Result) AnswerAccountList(
        HttpContext context, Dictionary<string, string> query, string list, string stampField, bool serverTimed, string[] filters, string? required)
    {
        lastAnswerWasInjectedFailure = false;
        if (!Authorized(context))
        {
            return (401, Results.Text("Invalid authorization.", statusCode: 401));
        }
        if (InjectedFailure(context) is { } failure)
        {
            return failure;
        }
        if (required is not null && !query.ContainsKey(required))
        {
            return (400, Results.Text($"{required} is required.", statusCode: 400));
        }
        DateTime? since = null;
        if (serverTimed && query.TryGetValue(stampField, out var stampText))
        {
            if (!DateTime.TryParseExact(stampText, [DateTimeFormat, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (400, Results.Text($"{stampField} is not in a valid format.", statusCode: 400));
            }
            since = parsed;
        }
        var matching = ListOf(list).Values.Where(i => since is null || i.Stamp >= since);
        foreach (var filter in filters)
        {
            if (query.TryGetValue(filter, out var wanted))
            {
                matching = matching.Where(i => string.Equals(Convert.ToString(i.Fields.GetValueOrDefault(filter), CultureInfo.InvariantCulture), wanted, StringComparison.Ordinal));
            }
        }
        var serverDateTime = serverTimed ? OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture) : null;
        var page = matching
            .OrderBy(i => (i.Key * 2_654_435_761L) % 1_000_003)
            .Skip(Number(query, "Offset", 0))
            .Take(Math.Min(Number(query, "Limit", MaxLimit), MaxLimit))
            .Select(i => i.ToJson(stampField, serverDateTime))
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private async Task AgingAsync(HttpContext context)
    {
        var query = QueryOf(context);
        IResult result;
        lock (gate)
        {
            int status;
            (status, result) = AnswerAging(context);
            Record(context, query, status);
        }
        await result.ExecuteAsync(context);
    }

    private (int Status, IResult Result) AnswerAging(HttpContext context)
    {
        lastAnswerWasInjectedFailure = false;
        if (!Authorized(context))
        {
            return (401, Results.Text("Invalid authorization.", statusCode: 401));
        }
        if (InjectedFailure(context) is { } failure)
        {
            return failure;
        }
        if (!long.TryParse(context.Request.RouteValues["patNum"]?.ToString(), CultureInfo.InvariantCulture, out var patNum) || !patients.TryGetValue(patNum, out var patient))
        {
            return (404, Results.Text("Patient not found.", statusCode: 404));
        }
        if (patient.PatStatus == "Deleted")
        {
            return (400, Results.Text("Patient is deleted.", statusCode: 400));
        }
        var guarantor = patient.Guarantor == 0 ? patient.PatNum : patient.Guarantor;
        var aging = agings.GetValueOrDefault(guarantor) ?? new Dictionary<string, object?>
        {
            ["Bal_0_30"] = 0.0, ["Bal_31_60"] = 0.0, ["Bal_61_90"] = 0.0, ["BalOver90"] = 0.0, ["Total"] = 0.0,
            ["InsEst"] = 0.0, ["EstBal"] = 0.0, ["PatEstBal"] = 0.0, ["Unearned"] = 0.0,
        };
        return (200, Results.Json(aging, options: null, contentType: null, statusCode: 200));
    }
}
