using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Where an API read stopped: the <c>serverDateTime</c> Open Dental returned with the first page of
/// the last complete read, in the office's local time as the API writes it. Written as
/// <c>opendental-api:v1:2024-01-31 23:59:59</c>; <c>opendental-api:v1:</c> means "everything".
/// </summary>
internal sealed record ApiCursor(DateTime? ServerTime)
{
    public const string Prefix = "opendental-api:v1:";
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// The API filters on "DateTStamp altered after" a time with one-second resolution, so a patient
    /// changed later in the same second as serverDateTime could be missed. Asking from one second
    /// earlier re-reads at most that second's changes, which the hub stores idempotently.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(1);

    public static ApiCursor Everything { get; } = new((DateTime?)null);

    public static ApiCursor Parse(SyncCursor? cursor)
    {
        if (cursor is null || cursor.Value.StartsWith(Database.DatabaseCursor.Prefix, StringComparison.Ordinal))
        {
            // No cursor, or one from database mode after the connection was switched: read everything.
            return Everything;
        }
        if (cursor.Value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var text = cursor.Value[Prefix.Length..];
            if (text.Length == 0)
            {
                return Everything;
            }
            if (ParseWire(text) is { } time)
            {
                return new ApiCursor(time);
            }
        }
        throw new FormatException("The saved Open Dental sync position is damaged. Reset the connection's sync to read all patients again.");
    }

    public SyncCursor ToSyncCursor() => new(Prefix + ServerTime?.ToString(WireFormat, CultureInfo.InvariantCulture));

    /// <summary>The DateTStamp parameter to send, or null to read every patient.</summary>
    public string? DateTStampParameter => (ServerTime - Overlap)?.ToString(WireFormat, CultureInfo.InvariantCulture);

    public static DateTime? ParseWire(string? text) =>
        DateTime.TryParseExact(text?.Trim(), WireFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
}
