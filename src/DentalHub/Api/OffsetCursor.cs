using System.Globalization;
using System.Text;

namespace DentalHub.Api;

/// <summary>The cursor of a list paged by position (lists ordered by a business date, not by change): opaque to callers.</summary>
public static class OffsetCursor
{
    private const string Prefix = "o1:";

    public static string Write(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The offset the cursor stands for; 0 without one. A cursor that is not ours is rejected on the query.</summary>
    public static int Read(ListQuery query, string parameter)
    {
        if (query.Text(parameter) is not { } text)
        {
            return 0;
        }
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
            var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            if (decoded.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(decoded.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the rejection below.
        }
        query.Reject(parameter, $"{parameter} must be the nextCursor of a previous page, unchanged.");
        return 0;
    }
}
