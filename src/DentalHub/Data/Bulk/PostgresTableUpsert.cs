using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DentalHub.Data.Bulk;

/// <summary>
/// PostgreSQL's set-wise path: one statement for all the rows, each column sent as one typed array and
/// unpacked with unnest(). Arrays are typed by the column's stored CLR type, so Npgsql picks the array type.
/// </summary>
internal sealed class PostgresTableUpsert<TEntity>(string table, IReadOnlyList<UpsertColumn> columns, string conflictClause)
    : TableUpsert<TEntity>(table, columns, conflictClause) where TEntity : class
{
    private readonly string sql =
        $"INSERT INTO \"{table}\" ({Quoted(columns.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => "@p" + i))}) {conflictClause}";

    public override async Task WriteAsync(DentalHubDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        for (var i = 0; i < Columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter("p" + i, ArrayOf(Columns[i], rows)));
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Array ArrayOf(UpsertColumn column, IReadOnlyList<TEntity> rows)
    {
        var stored = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var elementType = stored.IsValueType ? typeof(Nullable<>).MakeGenericType(stored) : stored;
        var values = Array.CreateInstance(elementType, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = column.ProviderValue(rows[i]);
            // timestamptz takes UTC only; the app stores every time in UTC.
            values.SetValue(value is DateTimeOffset time ? time.ToUniversalTime() : value, i);
        }
        return values;
    }
}
