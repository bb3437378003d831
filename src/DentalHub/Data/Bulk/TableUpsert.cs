using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Data.Bulk;

/// <summary>
/// What a set-wise upsert into one table needs, read once from the EF Core model: the table, its columns in
/// order, each column's type mapping, the conflict key, and which columns an update leaves alone. A new
/// table gets its upsert from its entity configuration, without SQL of its own.
/// </summary>
/// <param name="ConflictKey">Property names of the unique key rows collide on (the primary key when empty).</param>
/// <param name="InsertOnly">Properties set when a row is created and kept on update (its id, when it was first seen).</param>
/// <param name="UpdateWhenChanged">A property whose stored value must differ for an update to happen (a content hash): unchanged rows are not rewritten.</param>
public sealed record UpsertShape(string[] ConflictKey, string[] InsertOnly, string? UpdateWhenChanged = null)
{
    public static UpsertShape ByPrimaryKey(string? updateWhenChanged = null) => new([], [], updateWhenChanged);
}

/// <summary>One column: its name in SQL, how to read it from an entity, and the provider's type mapping.</summary>
public sealed record UpsertColumn(string Name, IProperty Property, RelationalTypeMapping Mapping)
{
    /// <summary>The value the database stores (after the property's converter, e.g. an enum as its number).</summary>
    public object? ProviderValue(object entity)
    {
        var value = Property.GetGetter().GetClrValueUsingContainingEntity(entity);
        return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
    }
}

/// <summary>A table's upsert for one database provider: SQLite re-binds one prepared statement per row; PostgreSQL sends the rows as arrays.</summary>
public abstract class TableUpsert<TEntity>(string table, IReadOnlyList<UpsertColumn> columns, string conflictClause) where TEntity : class
{
    private static readonly ConcurrentDictionary<(Type Context, UpsertShape Shape), TableUpsert<TEntity>> Cache = new();

    public string Table => table;
    public IReadOnlyList<UpsertColumn> Columns => columns;
    /// <summary>The `ON CONFLICT` clause every write of this table uses.</summary>
    public string ConflictClause => conflictClause;

    /// <summary>The upsert of <typeparamref name="TEntity"/> for this context's provider and model, built on first use.</summary>
    public static TableUpsert<TEntity> For(DentalHubDb db, UpsertShape shape) =>
        Cache.GetOrAdd((db.GetType(), shape), key => Build(db, key.Shape));

    /// <summary>Writes the rows in the context's current connection and transaction.</summary>
    public abstract Task WriteAsync(DentalHubDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken);

    private static TableUpsert<TEntity> Build(DentalHubDb db, UpsertShape shape)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new UpsertColumn(p.GetColumnName(store)!, p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var key = shape.ConflictKey.Length > 0 ? shape.ConflictKey : entity.FindPrimaryKey()!.Properties.Select(p => p.Name).ToArray();
        var keyColumns = key.Select(k => columns.Single(c => c.Property.Name == k).Name).ToList();
        var updated = columns.Where(c => !key.Contains(c.Property.Name) && !shape.InsertOnly.Contains(c.Property.Name)).ToList();
        var conflict = $"ON CONFLICT ({Quoted(keyColumns)}) DO " + (updated.Count == 0
            ? "NOTHING"
            : "UPDATE SET " + string.Join(", ", updated.Select(c => $"\"{c.Name}\" = excluded.\"{c.Name}\"")) + WhenChanged(name, columns, shape));
        return db is SqliteDentalHubDb
            ? new SqliteTableUpsert<TEntity>(name, columns, conflict)
            : new PostgresTableUpsert<TEntity>(name, columns, conflict);
    }

    // The compared column is NOT NULL (a content hash), so "<>" means "differs" on both databases.
    private static string WhenChanged(string table, List<UpsertColumn> columns, UpsertShape shape) =>
        shape.UpdateWhenChanged is null
            ? ""
            : $" WHERE \"{table}\".\"{columns.Single(c => c.Property.Name == shape.UpdateWhenChanged).Name}\" <> excluded.\"{columns.Single(c => c.Property.Name == shape.UpdateWhenChanged).Name}\"";

    protected static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
