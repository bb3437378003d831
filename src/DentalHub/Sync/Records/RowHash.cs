using System.Globalization;
using DentalHub.Data.Bulk;

namespace DentalHub.Sync.Records;

/// <summary>
/// A fingerprint of a row's own columns (not its bookkeeping), as stored, so an unchanged record costs no write.
/// FNV-1a over each value's invariant text with a separator: stable across processes (it is stored), cheap per
/// row, and a collision only costs one missed update of a record whose next change is written anyway.
/// </summary>
public sealed class RowHash(IReadOnlyList<UpsertColumn> columns)
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private readonly UpsertColumn[] content = columns.Where(c => !PmsRecordRow.BookkeepingProperties.Contains(c.Property.Name)).ToArray();

    public long Of(object row)
    {
        var hash = Offset;
        foreach (var column in content)
        {
            var value = column.ProviderValue(row);
            var text = value switch
            {
                null => "\u0000",
                string s => s,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }
            hash = (hash ^ 0x1f) * Prime;
        }
        return unchecked((long)hash);
    }
}
