using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <summary>One PMS record of a profile, with its connection's name and whether that connection is still read.</summary>
public sealed record ProfileLink(Guid PatientId, Guid ConnectionId, string ConnectionName, bool ConnectionEnabled, string PmsId, string? GuarantorPmsId, DateTimeOffset SyncedAt, string ConnectorKey = "");

/// <summary>
/// A profile's PMS records in the order its PMS-owned data (account holder, family, balance) is read from them:
/// an enabled connection's before a disabled one's, then the most recently read. A profile has several when it is
/// linked on two connections, or when a person said two records of one PMS are the same patient; without this
/// order the first one the database returned decided, and a profile could show no account holder at random.
/// </summary>
public static class ProfileLinks
{
    public static async Task<IReadOnlyList<ProfileLink>> OfAsync(DentalHubDb db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (patientIds.Count == 0)
        {
            return [];
        }
        var ids = patientIds.Distinct().ToList();
        var links = await (
            from link in db.PatientLinks.AsNoTracking()
            join connection in db.Connections.AsNoTracking() on link.ConnectionId equals connection.Id
            where EF.Parameter(ids).Contains(link.PatientId)
            select new ProfileLink(link.PatientId, link.ConnectionId, connection.Name, connection.Enabled, link.PmsId, link.GuarantorPmsId, link.SyncedAt, connection.ConnectorKey))
            .ToListAsync(cancellationToken);
        return Preferred(links);
    }

    /// <summary>The links of each profile, the one to read from first.</summary>
    public static List<ProfileLink> Preferred(IEnumerable<ProfileLink> links) =>
        links.OrderBy(l => l.PatientId)
            .ThenByDescending(l => l.ConnectionEnabled)
            .ThenByDescending(l => l.SyncedAt)
            .ThenBy(l => l.ConnectionId)
            .ThenBy(l => l.PmsId, StringComparer.Ordinal)
            .ToList();
}
