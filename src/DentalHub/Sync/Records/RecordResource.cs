using DentalHub.Connectors.Contract;

namespace DentalHub.Sync.Records;

/// <summary>
/// A resource stored in a table of its own with the shared set-wise upsert: a record (in the connector
/// contract), a mapping and a table are all a new resource needs.
/// </summary>
public sealed class RecordResource<TRecord, TRow>(
    string name, string title, int order, Func<IConnector, IChangeFeed<TRecord>?> feed, IRecordMapping<TRecord, TRow> mapping)
    : SyncResource<TRecord>(name, title, order)
    where TRecord : IPmsRecord
    where TRow : PmsRecordRow
{
    /// <summary>How a record becomes a row: the benchmark's raw baseline writes exactly the rows the engine writes.</summary>
    public IRecordMapping<TRecord, TRow> Mapping => mapping;

    public override IChangeFeed<TRecord>? FeedOf(IConnector connector) => feed(connector);

    public override IPageStore<TRecord> CreateStore(SyncRunContext context) => new RecordPageStore<TRecord, TRow>(Name, context, mapping);
}
