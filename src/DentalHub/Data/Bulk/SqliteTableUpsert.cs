using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Data.Bulk;

/// <summary>
/// SQLite's fastest path: one prepared statement, re-bound per row. Its parameters are made by each column's
/// own type mapping, so values are stored exactly as EF Core stores them (GUIDs as upper-case text,
/// DateTimeOffset through the model's converter).
/// </summary>
internal sealed class SqliteTableUpsert<TEntity>(string table, IReadOnlyList<UpsertColumn> columns, string conflictClause)
    : TableUpsert<TEntity>(table, columns, conflictClause) where TEntity : class
{
    private readonly string sql =
        $"INSERT INTO \"{table}\" ({Quoted(columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + i))}) {conflictClause}";

    public override async Task WriteAsync(DentalHubDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var parameters = new SqliteParameter[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            parameters[i] = (SqliteParameter)Columns[i].Mapping.CreateParameter(command, "$" + i, null, Columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Columns[i].ProviderValue(row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
