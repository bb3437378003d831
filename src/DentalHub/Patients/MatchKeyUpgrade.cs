using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

/// <summary>
/// Makes again the stored match keys that an earlier <see cref="MatchKeys"/> made, at start, for every practice:
/// sync rewrites a key only when the PMS record changes, so without this an unchanged profile would keep a key
/// that no PMS record matches any more, and the next connection's record of the same person would get a second profile.
/// </summary>
public static class MatchKeyUpgrade
{
    private const int Batch = 1_000;

    /// <returns>How many profiles got a new key (none once every key is current: one indexed look).</returns>
    public static async Task<int> RunAsync(DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = databases.CreateWithoutTenant();
        var rekeyed = 0;
        while (true)
        {
            var stale = await db.Patients.IgnoreQueryFilters()
                .Where(p => p.BirthDate != null && !p.MatchKey.StartsWith(MatchKeys.Version))
                .OrderBy(p => p.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return rekeyed;
            }
            foreach (var patient in stale)
            {
                patient.MatchKey = MatchKeys.For(patient.FirstName, patient.LastName, patient.BirthDate!.Value);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            rekeyed += stale.Count;
        }
    }
}
