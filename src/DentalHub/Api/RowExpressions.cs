using System.Linq.Expressions;

namespace DentalHub.Api;

/// <summary>
/// Conditions on a row built from a selector of one of its columns, so a filter is declared once for any
/// resource and still runs in SQL.
/// </summary>
public static class RowExpressions
{
    /// <summary>
    /// The condition with the column in place of its second parameter: <c>r =&gt; r.Date</c> and
    /// <c>(r, date) =&gt; date &gt;= from</c> make <c>r =&gt; r.Date &gt;= from</c>.
    /// </summary>
    public static Expression<Func<TRow, bool>> On<TRow, TValue>(Expression<Func<TRow, TValue>> column, Expression<Func<TRow, TValue, bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(condition);
        var row = column.Parameters[0];
        var withColumn = new Substitute(condition.Parameters[1], column.Body).Visit(condition.Body);
        return Expression.Lambda<Func<TRow, bool>>(new Substitute(condition.Parameters[0], row).Visit(withColumn), row);
    }

    /// <summary>The column equal to the value, the value passed to SQL as a parameter.</summary>
    public static Expression<Func<TRow, bool>> Is<TRow, TValue>(Expression<Func<TRow, TValue>> column, TValue value)
    {
        ArgumentNullException.ThrowIfNull(column);
        var captured = new Captured<TValue>(value);
        return Expression.Lambda<Func<TRow, bool>>(
            Expression.Equal(column.Body, Expression.Property(Expression.Constant(captured), nameof(Captured<TValue>.Value))),
            column.Parameters);
    }

    /// <summary>True when any of the conditions is; false when there are none.</summary>
    public static Expression<Func<TRow, bool>> Any<TRow>(IEnumerable<Expression<Func<TRow, bool>>> conditions) =>
        Combine(conditions, Expression.OrElse, false);

    /// <summary>True when all of the conditions are; true when there are none.</summary>
    public static Expression<Func<TRow, bool>> All<TRow>(IEnumerable<Expression<Func<TRow, bool>>> conditions) =>
        Combine(conditions, Expression.AndAlso, true);

    private static Expression<Func<TRow, bool>> Combine<TRow>(IEnumerable<Expression<Func<TRow, bool>>> conditions, Func<Expression, Expression, BinaryExpression> join, bool none)
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        var body = conditions
            .Select(c => new Substitute(c.Parameters[0], row).Visit(c.Body))
            .Aggregate((Expression?)null, (joined, next) => joined is null ? next : join(joined, next));
        return Expression.Lambda<Func<TRow, bool>>(body ?? Expression.Constant(none), row);
    }

    // A value held by an object, as a C# closure holds it, so EF Core sends it as a parameter rather than in the SQL text.
    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
