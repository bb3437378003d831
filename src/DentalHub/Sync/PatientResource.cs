using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Sync;

/// <summary>
/// Patients: the one resource with a matching step (link, create or ask a person) and its own tuned
/// writers, because profiles, links and phone-search rows are written together.
/// </summary>
public sealed class PatientResource() : SyncResource<PmsPatient>(SyncResources.Patients, "Patients", 0)
{
    public override IChangeFeed<PmsPatient>? FeedOf(IConnector connector) =>
        connector is IReadsPatients reader ? new PatientFeed(reader) : null;

    public override IPageStore<PmsPatient> CreateStore(SyncRunContext context) => new PatientPageStore(context);

    private sealed class PatientFeed(IReadsPatients reader) : IChangeFeed<PmsPatient>
    {
        public IAsyncEnumerable<ChangePage<PmsPatient>> ReadChangedSince(SyncCursor? cursor, CancellationToken cancellationToken) =>
            reader.ReadPatientsChangedSince(cursor, cancellationToken);

        public Task<int?> CountAsync(CancellationToken cancellationToken) => reader.CountPatientsAsync(cancellationToken);
    }
}

internal sealed class PatientPageStore(SyncRunContext context) : IPageStore<PmsPatient>
{
    private readonly IPatientBatchWriter writer = PatientBatchWriters.For(context.Provider);
    private readonly PatientPagePlanner planner = new(context.PracticeToday, context.SystemName);

    public Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken) => writer.PrepareTransactionAsync(db, cancellationToken);

    public Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken) => writer.RefreshStatisticsAsync(db, cancellationToken);

    public async Task<PageCounts> StoreAsync(DentalHubDb db, IDbContextTransaction transaction, ChangePage<PmsPatient> page, CancellationToken cancellationToken)
    {
        var lookups = await PageLookupQueries.LoadAsync(db, context.ConnectionId, page.Rows, cancellationToken);
        var plan = planner.Plan(page.Rows, lookups);
        var target = new PageTarget(context.PracticeId, context.ConnectionId, context.Time.GetUtcNow());
        await writer.WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), target, plan, cancellationToken);
        // Two statements per page for the links it wrote; unchanged rows keep their mapped tags.
        await Tags.TagMappingApplier.ApplyToPageAsync(db, context.Provider, context.ConnectionId, plan.Links.ConvertAll(l => l.PmsId), cancellationToken);
        return new PageCounts(page.Rows.Count, plan.Created, plan.Updated, plan.Unchanged, plan.Failed, plan.Warnings, 0);
    }
}
