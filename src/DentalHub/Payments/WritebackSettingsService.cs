using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

/// <summary>Reads and saves a practice's writeback settings, and offers the PMS's payment types to choose from.</summary>
public sealed class WritebackSettingsService(DentalHubDbFactory databases, ConnectorFactory connectors, AuditLog audit)
{
    public async Task<WritebackSettings> GetAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var settings = await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? new WritebackSettings { PracticeId = tenant.PracticeId!.Value };
        settings.FoldTerminalIntoOneSetting();
        return settings;
    }

    public async Task SaveAsync(TenantScope tenant, AuditActor actor, WritebackSettings changed, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var stored = await db.WritebackSettings.FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new WritebackSettings { PracticeId = tenant.PracticeId!.Value };
            db.WritebackSettings.Add(stored);
        }
        stored.DisabledSources = changed.DisabledSources;
        stored.TerminalPostedByStaff = changed.TerminalPostedByStaff;
        stored.FoldTerminalIntoOneSetting();
        stored.Timing = changed.Timing;
        stored.DailyBatchAt = changed.DailyBatchAt;
        stored.Amount = changed.Amount;
        stored.PaymentTypesJson = changed.PaymentTypesJson;
        stored.Allocation = changed.Allocation;
        stored.LogMessagesInPms = changed.LogMessagesInPms;
        stored.WriteAdjustments = changed.WriteAdjustments;
        stored.DiscountAdjustmentType = changed.DiscountAdjustmentType;
        stored.RefundAdjustmentType = changed.RefundAdjustmentType;
        stored.WriteAppointments = changed.WriteAppointments;
        stored.UpdateClaims = changed.UpdateClaims;
        stored.WriteDocuments = changed.WriteDocuments;
        stored.DefaultDocumentCategory = changed.DefaultDocumentCategory;
        audit.Add(db, actor, "writeback.settings-changed", "Writeback settings");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The payment types of the practice's PMS, or the reason they could not be read.</summary>
    public Task<(IReadOnlyList<PmsPaymentType> Types, string? Problem)> PaymentTypesAsync(TenantScope tenant, CancellationToken cancellationToken) =>
        ReadFromPmsAsync<IWritesPayments, PmsPaymentType>(tenant, (w, c) => w.ReadPaymentTypesAsync(c), "No connection of this practice can record payments yet.", cancellationToken);

    /// <summary>The adjustment types of the practice's PMS, or the reason they could not be read.</summary>
    public Task<(IReadOnlyList<PmsAdjustmentType> Types, string? Problem)> AdjustmentTypesAsync(TenantScope tenant, CancellationToken cancellationToken) =>
        ReadFromPmsAsync<IWritesAdjustments, PmsAdjustmentType>(tenant, (w, c) => w.ReadAdjustmentTypesAsync(c), "No connection of this practice can post adjustments.", cancellationToken);

    /// <summary>The document categories of the practice's PMS, or the reason they could not be read.</summary>
    public Task<(IReadOnlyList<PmsDocumentCategory> Categories, string? Problem)> DocumentCategoriesAsync(TenantScope tenant, CancellationToken cancellationToken) =>
        ReadFromPmsAsync<IWritesDocuments, PmsDocumentCategory>(tenant, (w, c) => w.ReadDocumentCategoriesAsync(c), "No connection of this practice can attach documents.", cancellationToken);

    /// <summary>A list the first enabled connection that writes <typeparamref name="TWriter"/> has, or the reason it could not be read.</summary>
    private async Task<(IReadOnlyList<T> Items, string? Problem)> ReadFromPmsAsync<TWriter, T>(
        TenantScope tenant, Func<TWriter, CancellationToken, Task<IReadOnlyList<T>>> read, string none, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        foreach (var connection in await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken))
        {
            if (connectors.Create(connection) is TWriter writer)
            {
                try
                {
                    return (await read(writer, cancellationToken), null);
                }
                catch (Exception e) when (e is ConnectorException or ConnectorConfigurationException)
                {
                    return ([], e.Message);
                }
            }
        }
        return ([], none);
    }
}
