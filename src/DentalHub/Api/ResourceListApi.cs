using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Sync.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Api;

/// <summary>One page of a list, and the cursor of the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, string? NextCursor);

/// <summary>
/// The list route every synced resource gets: <c>GET /api/v1/{path}?updated_since=&amp;limit=&amp;cursor=</c> plus the
/// route's own filters, in the order rows changed in DentalHub, so an integrator keeps a copy by asking for what
/// changed since its last page. Deleted records stay in the list with <c>deletedAt</c> set, so a copy learns of
/// deletions too. A wrong parameter is a 400 naming it and what it accepts.
/// </summary>
public static class ResourceListApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private static readonly ListParameter[] Paging =
    [
        new("updated_since", "Only records that changed in DentalHub after this moment (ISO 8601 with offset): the largest updatedAt of your copy.", ListParameterType.DateTime),
        new("limit", $"Records per page, 1 to {MaxLimit} ({DefaultLimit} if left out).", ListParameterType.Integer),
        new("cursor", "The nextCursor of the previous page, as it was returned.", ListParameterType.Text),
    ];

    /// <param name="filters">The route's own filters (a date range, a provider).</param>
    public static RouteHandlerBuilder MapResourceList<TRow, TDto>(
        this RouteGroupBuilder api, string path, string scope, string name, string summary,
        Func<TRow, TDto> toDto, params IReadOnlyList<ListFilter<TRow>> filters)
        where TRow : PmsRecordRow =>
        api.MapList(path, scope, name, summary, null, (row, _) => toDto(row), filters);

    /// <summary>
    /// The list of a resource whose rows are about patients: each row's <c>patientId</c> is the hub profile linked to
    /// its PMS patient (null until that patient is synced), looked up for the whole page in one query. Every list is
    /// written to the audit log, with the patient when the list is filtered to one.
    /// </summary>
    /// <param name="patientPmsId">The row's PMS patient id.</param>
    public static RouteHandlerBuilder MapPatientResourceList<TRow, TDto>(
        this RouteGroupBuilder api, string path, string scope, string name, string summary,
        Expression<Func<TRow, string?>> patientPmsId, Func<TRow, Guid?, TDto> toDto, params IReadOnlyList<ListFilter<TRow>> filters)
        where TRow : PmsRecordRow =>
        api.MapList(path, scope, name, summary, patientPmsId, toDto, filters);

    private static RouteHandlerBuilder MapList<TRow, TDto>(
        this RouteGroupBuilder api, string path, string scope, string name, string summary,
        Expression<Func<TRow, string?>>? patientPmsId, Func<TRow, Guid?, TDto> toDto, IReadOnlyList<ListFilter<TRow>> filters)
        where TRow : PmsRecordRow
    {
        var patientOf = patientPmsId?.Compile();
        var parameters = Paging.Concat(filters.SelectMany(f => f.Parameters)).ToList();
        return api.MapGet(path, async Task<Results<Ok<ListPage<TDto>>, ValidationProblem>> (
                HttpRequest request, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken) =>
            {
                var caller = ApiCaller.From(user);
                await using var db = databases.Create(caller.Tenant);
                var query = new ListQuery(request.Query, db);
                var since = query.Instant("updated_since");
                var take = query.Integer("limit", 1, MaxLimit) ?? DefaultLimit;
                var after = ListCursor.Read(query);
                var conditions = filters.Select(f => f.ConditionFor(query)).OfType<Expression<Func<TRow, bool>>>().ToList();
                if (query.Errors.Count > 0)
                {
                    return query.Problem();
                }
                var rows = db.Set<TRow>().AsNoTracking();
                foreach (var condition in conditions)
                {
                    rows = rows.Where(condition);
                }
                if (since is not null)
                {
                    rows = rows.Where(r => r.UpdatedAt > since);
                }
                if (after is not null)
                {
                    rows = rows.Where(r => r.UpdatedAt > after.UpdatedAt
                        || (r.UpdatedAt == after.UpdatedAt && (string.Compare(r.PmsId, after.PmsId) > 0
                            || (r.PmsId == after.PmsId && r.ConnectionId.CompareTo(after.ConnectionId) > 0))));
                }
                // The same PMS id on two connections is two rows: the connection settles their order.
                var page = await rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.PmsId).ThenBy(r => r.ConnectionId).Take(take + 1).ToListAsync(cancellationToken);
                var next = page.Count > take ? new ListCursor(page[take - 1].UpdatedAt, page[take - 1].PmsId, page[take - 1].ConnectionId).ToString() : null;
                page = page.Take(take).ToList();
                if (patientOf is null)
                {
                    return TypedResults.Ok(new ListPage<TDto>(page.Select(r => toDto(r, null)).ToList(), next));
                }
                var patients = await LinkedPatients.OfAsync(db, page.Select(r => (r.ConnectionId, patientOf(r))), cancellationToken);
                await audit.RecordListAsync(caller.Tenant, caller.Actor, AuditActions.PatientRead, $"{name} (API)", page.Count, query.PatientId, cancellationToken);
                return TypedResults.Ok(new ListPage<TDto>(
                    page.Select(r => toDto(r, patientOf(r) is { } pmsId && patients.TryGetValue((r.ConnectionId, pmsId), out var id) ? id : null)).ToList(),
                    next));
            })
            .RequireAuthorization(ApiSetup.ScopePolicy(scope))
            .WithName(name)
            .WithSummary(summary)
            .WithQueryParameters(parameters);
    }

    /// <summary>Documents query parameters the handler reads itself (the OpenAPI generator only sees bound ones).</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder route, IReadOnlyList<ListParameter> parameters) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                operation.Parameters.Add(parameter.ToOpenApi());
            }
            return Task.CompletedTask;
        });

    private sealed record ListCursor(DateTimeOffset UpdatedAt, string PmsId, Guid ConnectionId)
    {
        public override string ToString() => KeysetCursor.Write(UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ConnectionId, PmsId);

        public static ListCursor? Read(ListQuery query) =>
            KeysetCursor.Read(query, ParseTicks) is { } key ? new ListCursor(key.Sort, key.PmsId, key.ConnectionId) : null;

        private static DateTimeOffset? ParseTicks(string text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : null;
    }
}
