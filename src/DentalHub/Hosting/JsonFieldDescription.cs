using System.Collections;
using System.Reflection;

namespace DentalHub.Hosting;

/// <summary>What a field of a request body accepts, in words an integrator can act on, found from the body's type.</summary>
public static class JsonFieldDescription
{
    /// <summary>The field at a JSON path below the root ("source", "lines[2].amount") and what it accepts.</summary>
    public static (string Field, string Accepted) Of(Type? bodyType, string path)
    {
        var type = bodyType;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            type = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (segment.Contains('[') && type is not null)
            {
                type = ElementOf(type);
            }
        }
        return (path, type is null ? "This value could not be read." : $"Use {Accepts(type)}.");
    }

    /// <summary>What the whole body should be: a JSON object, with the body type's fields when it is known.</summary>
    public static string Body(Type? bodyType)
    {
        var fields = bodyType?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonName(p.Name)).ToList() ?? [];
        return fields.Count == 0
            ? "Send a JSON object."
            : $"Send a JSON object with the fields {string.Join(", ", fields)}.";
    }

    private static string Accepts(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var inner = nullable ?? type;
        var accepted = inner switch
        {
            _ when inner.IsEnum => $"one of {string.Join(", ", Enum.GetNames(inner))}",
            _ when inner == typeof(DateTimeOffset) || inner == typeof(DateTime) => "a date and time in ISO 8601 with its offset, such as 2026-03-01T14:30:00Z",
            _ when inner == typeof(DateOnly) => "a date as year-month-day, such as 2026-03-01",
            _ when inner == typeof(TimeOnly) => "a time as hours:minutes, such as 14:30",
            _ when inner == typeof(Guid) => "an id such as 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            _ when inner == typeof(decimal) || inner == typeof(double) || inner == typeof(float) => "a number, such as 125.50 (not in quotes)",
            _ when inner == typeof(int) || inner == typeof(long) || inner == typeof(short) => "a whole number (not in quotes)",
            _ when inner == typeof(bool) => "true or false",
            _ when inner == typeof(string) => "text in quotes",
            _ when ElementOf(inner) != inner => "a list in square brackets",
            _ => "a JSON object",
        };
        return nullable is null ? accepted : accepted + ", or null";
    }

    private static Type ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()!
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1]
        : type;

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
