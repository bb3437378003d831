using System.Globalization;
using System.Security.Claims;
using DentalHub.Components.Shared;
using DentalHub.Audit;
using DentalHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.ImportFailures;

/// <summary>The import failures as CSV, with the page's filters, for working through them in a spreadsheet: words, not codes; times in the practice's zone.</summary>
public static class ImportFailuresExport
{
    public static void MapImportFailuresExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/import-failures/export.csv", ExportAsync).RequireAuthorization(Policies.PatientData).ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ForbidHttpResult>> ExportAsync(
        string? search, string? reason, string? connectionId, string? resource,
        ClaimsPrincipal user, PracticeAccess access, ImportFailureQuery query, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(user, cancellationToken) is not { } session)
        {
            return TypedResults.Forbid();
        }
        // The page sends every filter, empty ones included: an empty or unknown value means "any".
        var filter = new ImportFailureFilter(
            search,
            Enum.TryParse<ImportFailureReason>(reason, ignoreCase: true, out var byReason) ? byReason : null,
            Guid.TryParse(connectionId, out var byConnection) ? byConnection : null,
            Resource: Sync.SyncResourceCatalog.Find(resource ?? "")?.Name);
        var rows = await query.FindAsync(session.Tenant, filter, int.MaxValue, cancellationToken);
        await audit.RecordAsync(session.Tenant, session.Actor, AuditActions.ImportFailuresExported, $"{rows.Count} import failures as CSV", cancellationToken: cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.PracticeTimeZoneId);
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var csv = new CsvFile("Record", "Records", "PMS id", "Connection", "Result", "Reason", "What to fix",
            $"First seen ({session.PracticeTimeZoneId})", $"Last seen ({session.PracticeTimeZoneId})");
        foreach (var row in rows)
        {
            csv.Row(row.Label, Sync.SyncText.ResourceTitle(row.Resource), row.PmsId, row.ConnectionName, SeverityText.Of(row.Severity), ReasonText.Of(row.Reason), row.Message,
                Local(row.FirstSeenAt), Local(row.LastSeenAt));
        }
        return csv.ToFile($"import-failures-{TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone):yyyyMMdd}.csv");
    }
}
