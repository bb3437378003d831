using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace DentalHub.TestDoubles.NexHealth;

/// <summary>The records NexHealth holds for the practice and the list endpoints that read them.</summary>
public sealed partial class NexHealthApiTestDouble
{
    public const int DefaultPerPage = 5;
    public const int MaxPerPage = 1000;

    private readonly Dictionary<string, Dictionary<long, Stored>> records = [];

    /// <summary>
    /// Puts a record (a JSON object in NexHealth's shape, any fields, even malformed ones) as NexHealth's sync would: its
    /// <c>updated_at</c> becomes the double's now.
    /// </summary>
    public void Put(string resource, JsonObject record) => PutAt(resource, record["id"]!.GetValue<long>(), record);

    private void PutAt(string resource, long id, JsonObject record)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            record["created_at"] ??= Stamp(now);
            record["updated_at"] = Stamp(now);
            if (!records.TryGetValue(resource, out var held))
            {
                held = [];
                records[resource] = held;
            }
            held[id] = new Stored(id, now, record);
        }
    }

    public void Put(string resource, IEnumerable<JsonObject> added)
    {
        foreach (var record in added)
        {
            Put(resource, record);
        }
    }

    /// <summary>Changes a record as NexHealth's sync would (into anything, even an id that is not a number): <c>updated_at</c> becomes now.</summary>
    public void Change(string resource, long id, Action<JsonObject> edit)
    {
        lock (gate)
        {
            var record = (JsonObject)records[resource][id].Body.DeepClone();
            edit(record);
            PutAt(resource, id, record);
        }
    }

    private void MapLists()
    {
        app.MapGet("/patients", context => Get(context, Patients, q => AtLocation(q, required: true) ?? Page(Patients, q, sortable: true, Inactive(q))).ExecuteAsync(context));
        app.MapGet("/providers", context => Get(context, Providers, q => AtLocation(q, required: false)
            ?? Page(Providers, q, sortable: true, r => (r.Body["inactive"]?.GetValue<bool>() ?? false) == (q.GetValueOrDefault("inactive") == "true"))).ExecuteAsync(context));
        app.MapGet("/operatories", context => Get(context, Operatories, q => AtLocation(q, required: true) ?? Page(Operatories, q, sortable: false, _ => true)).ExecuteAsync(context));
        app.MapGet("/appointment_types", context => Get(context, AppointmentTypes, q => AtLocation(q, required: false) ?? Whole(AppointmentTypes, q)).ExecuteAsync(context));
        app.MapGet("/appointments", context => Get(context, Appointments, AppointmentsIn).ExecuteAsync(context));
        app.MapGet("/sync_status", context => Get(context, "sync_status", SyncStatus).ExecuteAsync(context));
        app.MapGet("/insurance_plans", context => Get(context, InsurancePlans, q => Financial()
            ?? Page(InsurancePlans, q, sortable: true, r => q.GetValueOrDefault("include_deleted") == "true" || r.Body["deleted_at"] is null)).ExecuteAsync(context));
        app.MapGet("/insurance_coverages", context => Get(context, InsuranceCoverages, q => Financial()
            ?? Page(InsuranceCoverages, q, sortable: false, r => (r.Body["active"]?.GetValue<bool>() ?? true) == (q.GetValueOrDefault("active") != "false"))).ExecuteAsync(context));
    }

    // docs.nexhealth.com/docs/payments-configuration-guide: financial endpoints answer 403 until NexHealth enables them.
    private (int, JsonObject)? Financial() => FinancialsEnabled ? null : (403, Envelope.Failure(NoAccess));

    private (int, JsonObject)? AtLocation(Dictionary<string, string> query, bool required)
    {
        if (!query.TryGetValue("location_id", out var text))
        {
            return required ? (400, Envelope.Failure("location_id is missing")) : null;
        }
        return text == LocationId.ToString(CultureInfo.InvariantCulture) ? null : (403, Envelope.Failure(NoAccess));
    }

    private static Func<Stored, bool> Inactive(Dictionary<string, string> query) => query.GetValueOrDefault("inactive") switch
    {
        "true" => r => r.Body["inactive"]?.GetValue<bool>() == true,
        "false" => r => r.Body["inactive"]?.GetValue<bool>() != true,
        _ => _ => true,
    };

    private (int, JsonObject) AppointmentsIn(Dictionary<string, string> query)
    {
        if (!query.ContainsKey("location_id") && !query.ContainsKey("foreign_id"))
        {
            return (400, Envelope.Failure("At least one of location_id or foreign_id must be provided"));
        }
        if (AtLocation(query, required: false) is { } refused)
        {
            return refused;
        }
        if (Time(query.GetValueOrDefault("start")) is not { } start || Time(query.GetValueOrDefault("end")) is not { } end)
        {
            return (400, Envelope.Failure("start and end must be parseable dates"));
        }
        return Page(Appointments, query, sortable: true, r => Time(r.Body["start_time"]?.GetValue<string>()) is { } at && at >= start && at <= end);
    }

    private (int, JsonObject) Whole(string resource, Dictionary<string, string> query)
    {
        var all = records.GetValueOrDefault(resource)?.Values.OrderBy(r => r.Id).Select(r => (JsonNode)r.Body.DeepClone()).ToArray() ?? [];
        return (200, Envelope.Success(new JsonArray(all), count: all.Length, description: Ignored(query, "per_page", "end_cursor", "start_cursor", "updated_since", "sort")));
    }

    private (int, JsonObject) SyncStatus(Dictionary<string, string> query)
    {
        var asked = query.GetValueOrDefault("location_ids[]");
        var serves = asked is null || asked.Split(',').Contains(LocationId.ToString(CultureInfo.InvariantCulture));
        var data = new JsonArray();
        if (serves)
        {
            data.Add(new JsonObject
            {
                ["institution_id"] = InstitutionId,
                ["sync_source_type"] = "DataSource",
                ["sync_source_name"] = "Front office server",
                ["emr"] = new JsonObject { ["id"] = Flavour.EmrId, ["name"] = Flavour.Name, ["display_name"] = Flavour.DisplayName, ["type"] = Flavour.Type },
                ["read_status"] = ReadStatus,
                ["read_status_at"] = Stamp(ReadStatusAt),
                ["write_status"] = WriteStatus,
                ["write_status_at"] = Stamp(WriteStatusAt),
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["id"] = LocationId, ["name"] = "Main Street", ["street_address"] = "1 Main St", ["city"] = "Springfield", ["state"] = "IL",
                    ["zip_code"] = "62701", ["phone_number"] = "2175550100", ["email"] = "front@bright-smiles.example", ["inactive"] = false,
                }),
            });
        }
        return (200, Envelope.Success(data, count: data.Count));
    }

    /// <summary>
    /// One page of a cursor-paged list: the records <paramref name="include"/> keeps, updated at or after <c>updated_since</c>,
    /// in <c>sort</c>'s order (id unless told), after <c>end_cursor</c> or before <c>start_cursor</c>; <c>count</c> is the total.
    /// </summary>
    private (int, JsonObject) Page(string resource, Dictionary<string, string> query, bool sortable, Func<Stored, bool> include)
    {
        var perPage = DefaultPerPage;
        if (query.TryGetValue("per_page", out var perPageText)
            && (!int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1))
        {
            return (400, Envelope.Failure("per_page is invalid"));
        }
        if (perPage > MaxPerPage)
        {
            return (400, Envelope.Failure($"per_page must be less than or equal to {MaxPerPage}"));
        }
        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            since = Time(sinceText);
            if (since is null)
            {
                return (400, Envelope.Failure("updated_since must be a parseable date"));
            }
        }
        var sort = sortable ? query.GetValueOrDefault("sort") ?? "id" : "id";
        if (sort is not ("id" or "-id" or "updated_at" or "-updated_at"))
        {
            return (400, Envelope.Failure("sort is invalid"));
        }
        var ordered = (records.GetValueOrDefault(resource)?.Values.AsEnumerable() ?? [])
            .Where(r => include(r) && (since is null || r.UpdatedAt >= since))
            .Select(r => (Key: KeyOf(r, sort), Record: r))
            .OrderBy(r => r.Key)
            .ToList();
        List<(Position Key, Stored Record)> page;
        if (query.TryGetValue("end_cursor", out var after))
        {
            if (Position.Parse(after) is not { } position)
            {
                return (400, Envelope.Failure("end_cursor is invalid"));
            }
            page = ordered.Where(r => r.Key.CompareTo(position) > 0).Take(perPage).ToList();
        }
        else if (query.TryGetValue("start_cursor", out var before))
        {
            if (Position.Parse(before) is not { } position)
            {
                return (400, Envelope.Failure("start_cursor is invalid"));
            }
            page = ordered.Where(r => r.Key.CompareTo(position) < 0).TakeLast(perPage).ToList();
        }
        else
        {
            page = ordered.Take(perPage).ToList();
        }
        var pageInfo = new JsonObject
        {
            ["has_previous_page"] = page.Count > 0 && ordered.Any(r => r.Key.CompareTo(page[0].Key) < 0),
            ["has_next_page"] = page.Count > 0 && ordered.Any(r => r.Key.CompareTo(page[^1].Key) > 0),
            ["start_cursor"] = page.Count > 0 ? page[0].Key.ToString() : null,
            ["end_cursor"] = page.Count > 0 ? page[^1].Key.ToString() : null,
        };
        var data = new JsonArray(page.Select(r => (JsonNode)r.Record.Body.DeepClone()).ToArray());
        return (200, Envelope.Success(data, ordered.Count, pageInfo, sortable || !query.ContainsKey("sort") ? null : Ignored(query, "sort")));
    }

    private static Position KeyOf(Stored record, string sort) => sort switch
    {
        "updated_at" => new(record.UpdatedAt.UtcTicks, record.Id),
        "-updated_at" => new(-record.UpdatedAt.UtcTicks, -record.Id),
        "-id" => new(0, -record.Id),
        _ => new(0, record.Id),
    };

    // NexHealth's warning for parameters an endpoint does not take: the request still succeeds.
    private static string? Ignored(Dictionary<string, string> query, params string[] names)
    {
        var ignored = names.Where(query.ContainsKey).ToList();
        return ignored.Count == 0 ? null : $"Note that following parameters are ignored: {string.Join(", ", ignored)}.";
    }

    /// <summary>A date or time as NexHealth reads one: YYYY-MM-DD, or ISO 8601 with Z, +00:00 or +0000.</summary>
    private static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = Regex.Replace(text.Trim(), @"([+-]\d{2})(\d{2})$", "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private sealed record Stored(long Id, DateTimeOffset UpdatedAt, JsonObject Body);

    /// <summary>Where a page starts or ends in its order, opaque to clients (base64url).</summary>
    private sealed record Position(long Primary, long Id) : IComparable<Position>
    {
        public int CompareTo(Position? other) =>
            other is null ? 1 : Primary != other.Primary ? Primary.CompareTo(other.Primary) : Id.CompareTo(other.Id);

        public override string ToString() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Primary}:{Id}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Position? Parse(string text)
        {
            try
            {
                var padded = text.Replace('-', '+').Replace('_', '/');
                padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
                return parts.Length == 2
                    && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var primary)
                    && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
                    ? new Position(primary, id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
