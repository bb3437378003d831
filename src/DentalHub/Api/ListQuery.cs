using System.Globalization;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Api;

/// <summary>
/// The query string of a list request as its parameters read it: typed values, and for each parameter that was
/// wrong, what it accepts (the request is then answered 400 with all of them at once).
/// </summary>
public sealed class ListQuery(IQueryCollection query, DentalHubDb db)
{
    /// <summary>The request's database, for a filter that matches rows through another table.</summary>
    public DentalHubDb Db => db;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The patient a filter narrowed the list to, written with the audit entry.</summary>
    public Guid? PatientId { get; set; }

    public void Reject(string parameter, string message) =>
        Errors[parameter] = [.. Errors.GetValueOrDefault(parameter) ?? [], message];

    /// <summary>The parameter's value; null when it is not given (or, rejected, when it is given twice or empty).</summary>
    public string? Text(string parameter)
    {
        var values = query[parameter];
        if (values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            Reject(parameter, $"Give {parameter} once.");
            return null;
        }
        var value = values[0]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Reject(parameter, $"{parameter} is empty: give a value or leave it out.");
            return null;
        }
        return value;
    }

    public DateOnly? Date(string parameter)
    {
        var text = Text(parameter);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Reject(parameter, $"{parameter} must be a date as yyyy-MM-dd, e.g. 2026-03-09.");
        return null;
    }

    /// <summary>A moment with its offset (ISO 8601); one without an offset is UTC.</summary>
    public DateTimeOffset? Instant(string parameter)
    {
        var text = Text(parameter);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant.ToUniversalTime();
        }
        Reject(parameter, $"{parameter} must be a date and time in ISO 8601 with its offset, e.g. 2026-03-09T14:30:00Z (write + as %2B).");
        return null;
    }

    public bool? Boolean(string parameter)
    {
        var text = Text(parameter);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        Reject(parameter, $"{parameter} must be true or false.");
        return null;
    }

    public int? Integer(string parameter, int min, int max)
    {
        var text = Text(parameter);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Reject(parameter, $"{parameter} must be a whole number from {min} to {max}.");
        return null;
    }

    /// <param name="what">What the id is of, for the message ("a patient's id from /api/v1/patients").</param>
    public Guid? Id(string parameter, string what)
    {
        var text = Text(parameter);
        if (text is null)
        {
            return null;
        }
        if (Guid.TryParse(text, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        Reject(parameter, $"{parameter} must be {what}: a UUID such as 0197c0de-5f3a-7b21-9c4e-2a1b3c4d5e6f.");
        return null;
    }

    /// <summary>One or several of the enum's names (case-insensitive), comma-separated or the parameter repeated; null when not given.</summary>
    public IReadOnlyList<TEnum>? OneOf<TEnum>(string parameter) where TEnum : struct, Enum
    {
        if (query[parameter].Count == 0)
        {
            return null;
        }
        var words = query[parameter].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var values = new List<TEnum>();
        foreach (var word in words)
        {
            // Names only: Enum.TryParse would also take "3" or "-1".
            var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, word, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                break;
            }
            values.Add(Enum.Parse<TEnum>(name));
        }
        if (words.Count == 0 || values.Count < words.Count)
        {
            Reject(parameter, $"{parameter} must be one or more of {string.Join(", ", Enum.GetNames<TEnum>())}, comma-separated.");
            return null;
        }
        return values.Distinct().ToList();
    }

    /// <summary>The 400 answer: each wrong parameter with what it accepts.</summary>
    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        Errors,
        detail: string.Join(" ", Errors.Values.SelectMany(m => m)),
        title: "Invalid query parameters");
}
