using System.Text.Json;
using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tags;

/// <summary>
/// Puts the tags a practice maps PMS statuses and clinics to on patients, set-wise: one DELETE of the
/// mapped tags of the patients concerned and one INSERT … SELECT of the tags their current status and
/// clinic map to. Sync calls it once per page, inside the page's transaction, for the links the page
/// wrote (unchanged rows keep their tags); editing the mappings reapplies them to the whole practice.
/// Staff tags are never touched.
/// </summary>
public static class TagMappingApplier
{
    private const string Insert = """
        INSERT INTO "PatientTags" ("PatientId", "TagId", "PracticeId", "Source", "AddedAt")
        SELECT DISTINCT l."PatientId", m."TagId", l."PracticeId", 1, l."SyncedAt"
        FROM "PatientLinks" AS l
        JOIN "Patients" AS p ON p."Id" = l."PatientId"
        JOIN "TagMappings" AS m ON m."PracticeId" = l."PracticeId"
            AND ((m."Kind" = 0 AND m."Status" = p."Status") OR (m."Kind" = 1 AND m."ClinicId" = l."ClinicId"))
        """;

    /// <summary>For the patients linked to <paramref name="pmsIds"/> of one connection (a sync page); <paramref name="db"/> is the practice's.</summary>
    public static async Task ApplyToPageAsync(DentalHubDb db, DatabaseProvider provider, Guid connectionId, IReadOnlyCollection<string> pmsIds, CancellationToken cancellationToken)
    {
        // No mappings means no mapped tags either (mapping changes reapply to the whole practice), so a
        // practice that maps nothing pays one indexed probe per page instead of two joins over the page.
        if (pmsIds.Count == 0 || !await db.TagMappings.AnyAsync(cancellationToken))
        {
            return;
        }
        // Provider-specific only in how the page's ids travel: one parameter either way, never one per row.
        var (ids, inPage) = provider == DatabaseProvider.Postgres
            ? ((object)pmsIds.ToArray(), "= ANY({1})")
            : (JsonSerializer.Serialize(pmsIds), "IN (SELECT value FROM json_each({1}))");
        // Only constant text is composed here; the ids and the connection travel as parameters.
        var delete = $$"""DELETE FROM "PatientTags" WHERE "Source" = 1 AND "PatientId" IN (SELECT "PatientId" FROM "PatientLinks" WHERE "ConnectionId" = {0} AND "PmsId" {{inPage}})""";
        var insert = $$"""{{Insert}} WHERE l."ConnectionId" = {0} AND l."PmsId" {{inPage}} ON CONFLICT ("PatientId", "TagId") DO NOTHING""";
        await db.Database.ExecuteSqlRawAsync(delete, [connectionId, ids], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(insert, [connectionId, ids], cancellationToken);
    }

    /// <summary>For every linked patient of the practice, after its mappings changed.</summary>
    public static async Task ApplyToPracticeAsync(DentalHubDb db, Guid practiceId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "PatientTags" WHERE "Source" = 1 AND "PracticeId" = {practiceId}""", cancellationToken);
        const string insert = Insert + """ WHERE l."PracticeId" = {0} ON CONFLICT ("PatientId", "TagId") DO NOTHING""";
        await db.Database.ExecuteSqlRawAsync(insert, [practiceId], cancellationToken);
    }
}
