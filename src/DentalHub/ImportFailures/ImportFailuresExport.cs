using System.Globalization;
using System.Security.Claims;
using System.Text;
using DentalHub.Audit;
using DentalHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.ImportFailures;

/// <summary>The import failures as CSV, with the page's filters, for working through them in a spreadsheet.</summary>
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
        var csv = new StringBuilder("Record,Records,PMS id,Connection,Severity,Reason,What to fix,First seen (UTC),Last seen (UTC)\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', Field(row.Label), Field(Sync.SyncText.ResourceTitle(row.Resource)), Field(row.PmsId), Field(row.ConnectionName), row.Severity, row.Reason, Field(row.Message),
                row.FirstSeenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.LastSeenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("\r\n");
        }
        var name = $"import-failures-{time.GetUtcNow():yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", name);
    }

    private static string Field(string value) => Components.Shared.CsvFile.Field(value);
}
