using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// Where a NexHealth read stopped, on NexHealth's clock (see <see cref="NexHealthFeed{TWire, T}"/>), sent back as
/// <c>updated_since</c> ("at or after"). Written as
/// <c>nexhealth:v1:2026-03-02T09:00:00.0000000+00:00</c>; <c>nexhealth:v1:</c> means "everything".
/// </summary>
internal sealed record NexHealthCursor(DateTimeOffset? UpdatedSince)
{
    public const string Prefix = "nexhealth:v1:";

    public static NexHealthCursor Everything { get; } = new((DateTimeOffset?)null);

    public static NexHealthCursor Parse(SyncCursor? cursor)
    {
        if (cursor is null || cursor.Value == Prefix)
        {
            return Everything;
        }
        if (cursor.Value.StartsWith(Prefix, StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(cursor.Value[Prefix.Length..], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
        {
            return new NexHealthCursor(since);
        }
        // Another connector's cursor (the connection was switched to NexHealth): read everything.
        return cursor.Value.StartsWith("nexhealth:", StringComparison.Ordinal)
            ? throw new FormatException("The saved NexHealth sync position is damaged. Reset the connection's sync to read everything again.")
            : Everything;
    }

    public SyncCursor ToSyncCursor() => new(Prefix + UpdatedSince?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>As NexHealth recommends sending it: <c>YYYY-MM-DDThh:mm:ss+0000</c>, to the millisecond NexHealth stamps with.</summary>
    public string? Parameter => UpdatedSince?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>The later of this cursor and a record's <c>updated_at</c>.</summary>
    public NexHealthCursor Including(string? updatedAt) =>
        DateTimeOffset.TryParse(updatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
        && (UpdatedSince is null || stamp > UpdatedSince)
            ? new NexHealthCursor(stamp.ToUniversalTime())
            : this;
}
