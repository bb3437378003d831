using System.Text.Json;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.ImportFailures;

public sealed record ImportFailureFilter(string? Search, ImportFailureReason? Reason, Guid? ConnectionId, ImportFailureSeverity? Severity = null, string? Resource = null);

public sealed record ImportFailureRow(
    Guid Id,
    Guid ConnectionId,
    string ConnectionName,
    string Resource,
    string PmsId,
    string Label,
    ImportFailureReason Reason,
    ImportFailureSeverity Severity,
    string Message,
    string? DetailsJson,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt)
{
    /// <summary>The record and candidates a patient failure keeps; other resources' failures keep their record only.</summary>
    public FailureDetails? Details() =>
        Resource == SyncResources.Patients && DetailsJson is { } json ? JsonSerializer.Deserialize<FailureDetails>(json, FailureDetails.Json) : null;
}

/// <summary>Reads a practice's import failures for the page, the CSV export and the dashboard counts.</summary>
public sealed class ImportFailureQuery(DentalHubDbFactory databases)
{
    public async Task<IReadOnlyList<ImportFailureRow>> FindAsync(TenantScope tenant, ImportFailureFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var query = from failure in db.ImportFailures.AsNoTracking()
                    join connection in db.Connections on failure.ConnectionId equals connection.Id
                    select new { failure, connection.Name };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim().ToLower();
            query = query.Where(x => x.failure.Label.ToLower().Contains(search) || x.failure.PmsId == filter.Search.Trim());
        }
        if (filter.Reason is { } reason)
        {
            query = query.Where(x => x.failure.Reason == reason);
        }
        if (filter.ConnectionId is { } connectionId)
        {
            query = query.Where(x => x.failure.ConnectionId == connectionId);
        }
        if (filter.Resource is { } resource)
        {
            query = query.Where(x => x.failure.Resource == resource);
        }
        if (filter.Severity is { } severity)
        {
            query = query.Where(x => x.failure.Severity == severity);
        }
        var rows = await query
            .OrderBy(x => x.failure.Severity).ThenBy(x => x.failure.Label).ThenBy(x => x.failure.PmsId)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new ImportFailureRow(
            x.failure.Id, x.failure.ConnectionId, x.Name, x.failure.Resource, x.failure.PmsId, x.failure.Label, x.failure.Reason, x.failure.Severity,
            x.failure.Message, x.failure.DetailsJson, x.failure.FirstSeenAt, x.failure.LastSeenAt)).ToList();
    }

    public async Task<ImportFailureRow?> FindByIdAsync(TenantScope tenant, Guid id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await (
            from failure in db.ImportFailures.AsNoTracking()
            join connection in db.Connections on failure.ConnectionId equals connection.Id
            where failure.Id == id
            select new ImportFailureRow(
                failure.Id, failure.ConnectionId, connection.Name, failure.Resource, failure.PmsId, failure.Label, failure.Reason, failure.Severity,
                failure.Message, failure.DetailsJson, failure.FirstSeenAt, failure.LastSeenAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Open failures (errors, not warnings) per connection, for the dashboard.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> OpenErrorsByConnectionAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.ImportFailures.Where(f => f.Severity == ImportFailureSeverity.Error)
            .GroupBy(f => f.ConnectionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
