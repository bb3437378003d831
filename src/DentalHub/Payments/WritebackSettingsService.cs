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
        return await db.WritebackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? new WritebackSettings { PracticeId = tenant.PracticeId!.Value };
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
        stored.Timing = changed.Timing;
        stored.DailyBatchAt = changed.DailyBatchAt;
        stored.Amount = changed.Amount;
        stored.PaymentTypesJson = changed.PaymentTypesJson;
        stored.Allocation = changed.Allocation;
        stored.LogMessagesInPms = changed.LogMessagesInPms;
        stored.WriteAppointments = changed.WriteAppointments;
        audit.Add(db, actor, "writeback.settings-changed", "Writeback settings");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The payment types of the practice's PMS, or the reason they could not be read.</summary>
    public async Task<(IReadOnlyList<PmsPaymentType> Types, string? Problem)> PaymentTypesAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        foreach (var connection in await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken))
        {
            if (connectors.Create(connection) is IWritesPayments writer)
            {
                try
                {
                    return (await writer.ReadPaymentTypesAsync(cancellationToken), null);
                }
                catch (Exception e) when (e is ConnectorException or ConnectorConfigurationException)
                {
                    return ([], e.Message);
                }
            }
        }
        return ([], "No connection of this practice can record payments yet.");
    }
}
