using System.Globalization;
using System.Text.RegularExpressions;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// Enough of QuickBooks' query language (developer.intuit.com, "Data queries") for what DentalHub sends:
/// <c>SELECT * FROM Entity [WHERE a op v AND ...] [ORDERBY f [ASC|DESC]] [STARTPOSITION n] [MAXRESULTS n]</c> with
/// operators =, &lt;, &gt;, &lt;=, &gt;=, IN (...) and LIKE ('%' wildcards). There is no OR. Keywords are case-insensitive.
/// </summary>
public sealed partial record QboQuery(string Entity, IReadOnlyList<QboCondition> Conditions, int StartPosition, int MaxResults)
{
    public const int DefaultMaxResults = 100;
    public const int LargestMaxResults = 1000;

    /// <summary>The parsed query, or the parser's complaint.</summary>
    public static (QboQuery? Query, string? Error) Parse(string text)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        var at = 0;
        string? Next() => at < tokens.Count ? tokens[at++] : null;
        string? Peek() => at < tokens.Count ? tokens[at] : null;
        bool Is(string? token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

        if (!Is(Next(), "SELECT"))
        {
            return (null, "Expected SELECT.");
        }
        while (Peek() is { } t && !Is(t, "FROM"))
        {
            at++;
        }
        if (!Is(Next(), "FROM") || Next() is not { } entity)
        {
            return (null, "Expected FROM and an entity.");
        }
        var conditions = new List<QboCondition>();
        int start = 1, max = DefaultMaxResults;
        while (Next() is { } keyword)
        {
            if (Is(keyword, "WHERE") || Is(keyword, "AND"))
            {
                if (Next() is not { } field || Next() is not { } op)
                {
                    return (null, $"Incomplete condition after {keyword}.");
                }
                var values = new List<string>();
                if (Is(op, "IN"))
                {
                    if (Next() != "(")
                    {
                        return (null, "Expected ( after IN.");
                    }
                    while (Next() is { } v && v != ")")
                    {
                        if (v != ",")
                        {
                            values.Add(Unquote(v));
                        }
                    }
                }
                else if (Next() is { } v)
                {
                    values.Add(Unquote(v));
                }
                if (values.Count == 0 || !Operators.Contains(op.ToUpperInvariant()))
                {
                    return (null, $"Cannot read the condition on {field}.");
                }
                conditions.Add(new QboCondition(field, op.ToUpperInvariant(), values));
            }
            else if (Is(keyword, "ORDERBY"))
            {
                while (Peek() is { } t && !Is(t, "STARTPOSITION") && !Is(t, "MAXRESULTS"))
                {
                    at++;
                }
            }
            else if (Is(keyword, "STARTPOSITION") && int.TryParse(Next(), CultureInfo.InvariantCulture, out var s) && s >= 1)
            {
                start = s;
            }
            else if (Is(keyword, "MAXRESULTS") && int.TryParse(Next(), CultureInfo.InvariantCulture, out var m) && m >= 1)
            {
                max = Math.Min(m, LargestMaxResults);
            }
            else
            {
                return (null, $"Encountered \"{keyword}\".");
            }
        }
        return (new QboQuery(entity, conditions, start, max), null);
    }

    public bool Mentions(string field) => Conditions.Any(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page of <paramref name="rows"/> that match, given each row's field values.</summary>
    public IReadOnlyList<T> Apply<T>(IEnumerable<T> rows, Func<T, string, string?> field) =>
        [.. rows.Where(r => Conditions.All(c => c.Matches(field(r, c.Field)))).Skip(StartPosition - 1).Take(MaxResults)];

    private static readonly string[] Operators = ["=", "<", ">", "<=", ">=", "!=", "IN", "LIKE"];

    private static string Unquote(string token) =>
        token.Length >= 2 && token[0] == '\'' && token[^1] == '\'' ? token[1..^1].Replace("\\'", "'", StringComparison.Ordinal) : token;

    [GeneratedRegex(@"'(?:\\'|[^'])*'|<=|>=|!=|[=<>(),*]|[^\s=<>(),*']+")]
    private static partial Regex Token();
}

public sealed record QboCondition(string Field, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(string? actual)
    {
        if (actual is null)
        {
            return false;
        }
        return Operator switch
        {
            "=" => Values.Any(v => Compare(actual, v) == 0),
            "IN" => Values.Any(v => Compare(actual, v) == 0),
            "!=" => Compare(actual, Values[0]) != 0,
            "<" => Compare(actual, Values[0]) < 0,
            ">" => Compare(actual, Values[0]) > 0,
            "<=" => Compare(actual, Values[0]) <= 0,
            ">=" => Compare(actual, Values[0]) >= 0,
            "LIKE" => Regex.IsMatch(actual, "^" + Regex.Escape(Values[0]).Replace("%", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase),
            _ => false,
        };
    }

    // Numbers compare as numbers; dates (yyyy-MM-dd), booleans and text as text.
    private static int Compare(string actual, string wanted) =>
        decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(wanted, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.Compare(actual, wanted, StringComparison.OrdinalIgnoreCase);
}
