using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DentalHub.Data.Bulk;

namespace DentalHub.Sync.Records;

/// <summary>A fingerprint of a row's own columns (not its bookkeeping), as stored, so an unchanged record costs no write.</summary>
public sealed class RowHash(IReadOnlyList<UpsertColumn> columns)
{
    private readonly UpsertColumn[] content = columns.Where(c => !PmsRecordRow.BookkeepingProperties.Contains(c.Property.Name)).ToArray();

    public long Of(object row)
    {
        var text = new StringBuilder();
        foreach (var column in content)
        {
            text.Append(Convert.ToString(column.ProviderValue(row), CultureInfo.InvariantCulture)).Append('\u001f');
        }
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }
}
