using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Sync.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Api;

/// <summary>One page of a list, and the cursor of the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, string? NextCursor);

/// <summary>
/// The list route every synced resource gets: <c>GET /api/v1/{path}?updated_since=&amp;limit=&amp;cursor=</c>, in the
/// order rows changed in DentalHub, so an integrator keeps a copy by asking for what changed since its last page.
/// Deleted records stay in the list with <c>deletedAt</c> set, so a copy learns of deletions too.
/// </summary>
public static class ResourceListApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <param name="filter">The route's own filters (a date range, a provider), built from the request; null for none.</param>
    /// <param name="patientData">Rows about patients: every list is written to the audit log.</param>
    public static RouteHandlerBuilder MapResourceList<TRow, TDto>(
        this RouteGroupBuilder api, string path, string scope, string name, string summary,
        Func<TRow, TDto> toDto, bool patientData = false,
        Func<HttpRequest, Expression<Func<TRow, bool>>?>? filter = null)
        where TRow : PmsRecordRow =>
        api.MapGet(path, async Task<Results<Ok<ListPage<TDto>>, ProblemHttpResult>> (
                [FromQuery(Name = "updated_since")] DateTimeOffset? updatedSince, int? limit, string? cursor,
                HttpRequest request, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return TypedResults.Problem(statusCode: 400, title: "Invalid limit", detail: $"limit must be from 1 to {MaxLimit}.");
                }
                var after = cursor is null ? null : ListCursor.Parse(cursor);
                if (cursor is not null && after is null)
                {
                    return TypedResults.Problem(statusCode: 400, title: "Invalid cursor", detail: "Pass the nextCursor of the previous page as it was returned.");
                }
                var caller = ApiCaller.From(user);
                await using var db = databases.Create(caller.Tenant);
                var rows = db.Set<TRow>().AsNoTracking();
                if (filter?.Invoke(request) is { } own)
                {
                    rows = rows.Where(own);
                }
                if (updatedSince is { } since)
                {
                    rows = rows.Where(r => r.UpdatedAt > since);
                }
                if (after is not null)
                {
                    rows = rows.Where(r => r.UpdatedAt > after.UpdatedAt || (r.UpdatedAt == after.UpdatedAt && string.Compare(r.PmsId, after.PmsId) > 0));
                }
                var take = limit ?? DefaultLimit;
                var page = await rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.PmsId).Take(take + 1).ToListAsync(cancellationToken);
                if (patientData)
                {
                    await audit.RecordAsync(caller.Tenant, caller.Actor, AuditActions.PatientRead, $"{name}: {Math.Min(page.Count, take)} listed", cancellationToken: cancellationToken);
                }
                var next = page.Count > take ? new ListCursor(page[take - 1].UpdatedAt, page[take - 1].PmsId).ToString() : null;
                return TypedResults.Ok(new ListPage<TDto>(page.Take(take).Select(toDto).ToList(), next));
            })
            .RequireAuthorization(ApiSetup.ScopePolicy(scope))
            .WithName(name)
            .WithSummary(summary);

    private sealed record ListCursor(DateTimeOffset UpdatedAt, string PmsId)
    {
        public override string ToString() =>
            WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{PmsId}"));

        public static ListCursor? Parse(string text)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('|', 2);
                return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    ? new ListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
