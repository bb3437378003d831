using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <summary>The hub profiles of PMS patients, looked up for a whole page of records at once.</summary>
public static class LinkedPatients
{
    /// <summary>
    /// The profile linked to each (connection, PMS patient id), in one query; a patient not synced yet has none.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(Guid ConnectionId, string PmsId), Guid>> OfAsync(
        DentalHubDb db, IEnumerable<(Guid ConnectionId, string? PmsId)> patients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = patients.Where(p => p.PmsId is not null).Select(p => (p.ConnectionId, PmsId: p.PmsId!)).ToHashSet();
        if (wanted.Count == 0)
        {
            return new Dictionary<(Guid, string), Guid>();
        }
        var pmsIds = wanted.Select(p => p.PmsId).Distinct().ToList();
        var links = await db.PatientLinks.AsNoTracking()
            .Where(l => EF.Parameter(pmsIds).Contains(l.PmsId))
            .Select(l => new { l.ConnectionId, l.PmsId, l.PatientId })
            .ToListAsync(cancellationToken);
        // The same PMS id on another connection is another patient: matched here rather than in SQL.
        return links.Where(l => wanted.Contains((l.ConnectionId, l.PmsId))).ToDictionary(l => (l.ConnectionId, l.PmsId), l => l.PatientId);
    }
}
