using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// The list endpoints other than patients, each as documented on opendental.com/site/api{resource}.html: items
/// with PascalCase fields, booleans as "true"/"false", Limit/Offset paging (at most 100), unsorted results, and
/// where the endpoint has a change filter (DateTStamp or SecDateTEdit) only items changed after it, each with
/// <c>serverDateTime</c>. Endpoints without a change filter ignore it and return everything.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>The documented list endpoints this double serves, and the change filter each accepts (null: none).</summary>
    public static readonly IReadOnlyDictionary<string, string?> ChangeFilters = new Dictionary<string, string?>
    {
        ["providers"] = "DateTStamp",
        ["operatories"] = null,
        ["appointmenttypes"] = null,
        ["clinics"] = null,
        // Insurance (opendental.com/site/apiinsplans.html, apicarriers, apiemployers, apibenefits, apipatplans,
        // apiinssubs, apiclaims): only inssubs and claims (23.3.11+) take a change filter.
        ["insplans"] = null,
        ["carriers"] = null,
        ["employers"] = null,
        ["benefits"] = null,
        ["patplans"] = null,
        ["inssubs"] = "SecDateTEdit",
        ["claims"] = "SecDateTEdit",
    };

    /// <summary>
    /// Endpoints whose change filter "returns all ... on or after this date" (inssubs, claims) and whose
    /// documented items carry no serverDateTime, unlike the DateTStamp lists ("altered after", serverDateTime).
    /// </summary>
    public static readonly IReadOnlySet<string> OnOrAfterWithoutServerDateTime = new HashSet<string> { "inssubs", "claims" };

    /// <summary>The documented parameters that select items by a field's value, per endpoint.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FieldFilters = new Dictionary<string, string[]>
    {
        ["benefits"] = ["PlanNum", "PatPlanNum"],
        ["patplans"] = ["PatNum", "InsSubNum"],
        ["inssubs"] = ["PlanNum", "Subscriber"],
        ["claims"] = ["PatNum", "ClaimStatus"],
    };

    private readonly Dictionary<string, Dictionary<long, DoubleItem>> lists = [];

    /// <summary>Adds or edits an item the way Open Dental does: its change stamp becomes the office's now.</summary>
    public void Put(string list, long key, IReadOnlyDictionary<string, object?> fields)
    {
        lock (gate)
        {
            ListOf(list)[key] = new DoubleItem(key, fields, OfficeNow);
        }
    }

    /// <summary>Removes an item the way Open Dental deletes a row outright: no trace is left for a later read.</summary>
    public void Remove(string list, long key)
    {
        lock (gate)
        {
            ListOf(list).Remove(key);
        }
    }

    public int Count(string list)
    {
        lock (gate)
        {
            return ListOf(list).Count;
        }
    }

    private void MapResources()
    {
        foreach (var (list, filter) in ChangeFilters)
        {
            app.MapGet($"/api/v1/{list}", context => ListAsync(context, list, filter));
        }
        MapSchedules();
    }

    private async Task ListAsync(HttpContext context, string list, string? filter)
    {
        var query = QueryOf(context);
        IResult result;
        lock (gate)
        {
            int status;
            (status, result) = AnswerList(context, query, list, filter);
            Record(context, query, status);
        }
        await result.ExecuteAsync(context);
    }

    private (int Status, IResult Result) AnswerList(HttpContext context, Dictionary<string, string> query, string list, string? filter)
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
        DateTime? since = null;
        if (filter is not null && query.TryGetValue(filter, out var stampText))
        {
            if (!DateTime.TryParseExact(stampText, [DateTimeFormat, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (400, Results.Text($"{filter} is not in a valid format.", statusCode: 400));
            }
            since = parsed;
        }
        var limit = Math.Min(Number(query, "Limit", MaxLimit), MaxLimit);
        var offset = Number(query, "Offset", 0);
        var onOrAfter = OnOrAfterWithoutServerDateTime.Contains(list);
        var serverDateTime = filter is null || onOrAfter ? null : OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var selected = FieldFilters.GetValueOrDefault(list, [])
            .Where(query.ContainsKey)
            .Select(field => (Field: field, Value: query[field]))
            .ToList();
        var page = ListOf(list).Values
            .Where(i => since is null || (onOrAfter ? i.Stamp >= since : i.Stamp > since))
            .Where(i => selected.All(f => string.Equals(Convert.ToString(i.Fields.GetValueOrDefault(f.Field), CultureInfo.InvariantCulture), f.Value, StringComparison.Ordinal)))
            .Where(i => Listed(list, i, query))
            .OrderBy(i => (i.Key * 2_654_435_761L) % 1_000_003)
            .Skip(offset)
            .Take(limit)
            .Select(i => i.ToJson(filter, serverDateTime))
            .ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private Dictionary<long, DoubleItem> ListOf(string list) =>
        lists.TryGetValue(list, out var items) ? items : lists[list] = [];

    private sealed record DoubleItem(long Key, IReadOnlyDictionary<string, object?> Fields, DateTime Stamp)
    {
        public Dictionary<string, object?> ToJson(string? stampField, string? serverDateTime)
        {
            var json = new Dictionary<string, object?>(Fields);
            if (stampField is not null)
            {
                json[stampField] = Stamp.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
            }
            if (serverDateTime is not null)
            {
                json["serverDateTime"] = serverDateTime;
            }
            return json;
        }
    }
}
