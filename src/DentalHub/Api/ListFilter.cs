using System.Linq.Expressions;
using DentalHub.Sync.Records;

namespace DentalHub.Api;

/// <summary>
/// One of a list route's own filters: the query parameters it reads (shown in the OpenAPI document) and the
/// condition it puts on the rows, run in SQL; null when the request does not use it. Build them with
/// <see cref="ListFilters"/>.
/// </summary>
public sealed class ListFilter<TRow>(IReadOnlyList<ListParameter> parameters, Func<ListQuery, Expression<Func<TRow, bool>>?> condition)
    where TRow : PmsRecordRow
{
    public IReadOnlyList<ListParameter> Parameters => parameters;

    /// <summary>The condition the request asks for, or null; a wrong value is added to <see cref="ListQuery.Errors"/>.</summary>
    public Expression<Func<TRow, bool>>? ConditionFor(ListQuery query) => condition(query);
}
