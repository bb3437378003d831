namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>One table read by a <see cref="MultiTableFeed{T}"/>: its name in the cursor, its query, and how to count the records a full read returns.</summary>
internal sealed record TableSource<T>(string Name, ChangeQuery<RowChanges<T>> Query, string CountSql);
