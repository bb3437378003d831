using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DentalHub.Api;

/// <summary>Where a page of a synced resource ended: its sort value, then the record's connection and PMS id.</summary>
public readonly record struct KeysetKey<T>(T Sort, Guid ConnectionId, string PmsId);

/// <summary>
/// The cursor of a list paged by key (lists ordered by a sort value, then connection and PMS id): opaque to callers,
/// written by one page and read back by the next. A cursor that is not ours is rejected on the query.
/// </summary>
public static class KeysetCursor
{
    public static string Write(string sort, Guid connectionId, string pmsId) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
        $"{sort}|{connectionId.ToString("N", CultureInfo.InvariantCulture)}|{pmsId}"));

    /// <summary>The key in the query's cursor; null without one, or (rejected on the query) when it is not a cursor of ours.</summary>
    public static KeysetKey<T>? Read<T>(ListQuery query, Func<string, T?> parseSort) where T : struct
    {
        if (query.Text("cursor") is not { } text)
        {
            return null;
        }
        var key = Parse(text, parseSort);
        if (key is null)
        {
            query.Reject("cursor", "Pass the nextCursor of the previous page as it was returned.");
        }
        return key;
    }

    private static KeysetKey<T>? Parse<T>(string text, Func<string, T?> parseSort) where T : struct
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('|', 3);
            return parts.Length == 3 && parseSort(parts[0]) is { } sort && Guid.TryParseExact(parts[1], "N", out var connection)
                ? new KeysetKey<T>(sort, connection, parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
