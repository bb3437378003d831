using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Sync;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.ImportFailures;

/// <param name="ReasonText">The reason in words, as the page shows it.</param>
/// <param name="CanResolve">A person settles it here (link or new profile) rather than by fixing the record in the PMS.</param>
/// <param name="Record">The failing record's e-mail, phone and account holder, for a failure that can be settled.</param>
/// <param name="Candidates">The profiles it could be, with what tells them apart.</param>
public sealed record ImportFailureDto(
    Guid Id, Guid ConnectionId, string ConnectionName, string Resource, string PmsId, string Label,
    ImportFailureReason Reason, string ReasonText, ImportFailureSeverity Severity, string Message, bool CanResolve,
    FailingRecord? Record, IReadOnlyList<CandidateProfile> Candidates, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

public sealed record LinkToProfileRequest(Guid PatientId);

public sealed record ImportFailureResolvedDto(Guid FailureId, Guid PatientId);

/// <summary>
/// Records that could not come over, and settling the ones a person decides: several matching profiles, or two
/// records of one PMS with the same name and birthdate (the same person: link; different people: a new profile).
/// </summary>
public static class ImportFailuresApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1_000;

    public static void MapImportFailuresApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/import-failures").RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PatientsRead)).WithTags("Import failures");
        read.MapGet("/", ListAsync).WithName("ListImportFailures")
            .WithSummary("Records that could not come over from the PMS (or came with a warning), errors first; filters: reason, resource, connection_id, search, limit. Audited.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetImportFailure")
            .WithSummary("One import failure, with the profiles it could be and what tells them apart. Audited.");
        var write = api.MapGroup("/import-failures/{id:guid}").RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PatientsWrite)).WithTags("Import failures");
        write.MapPost("/link", LinkAsync).WithName("LinkImportFailureToProfile")
            .WithSummary("This PMS patient is the given candidate profile (for a duplicate in the PMS: the same person, both records sharing one profile). Audited.");
        write.MapPost("/new-profile", NewProfileAsync).WithName("CreateProfileForImportFailure")
            .WithSummary("This PMS patient is none of the candidates (for a duplicate in the PMS: different people): it gets a profile of its own. Audited.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ImportFailureDto>>, ValidationProblem>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, DentalHubDbFactory databases, ImportFailureQuery failures, CandidateProfiles candidates, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var query = new ListQuery(request.Query, db);
        var reasons = query.OneOf<ImportFailureReason>("reason");
        if (reasons is { Count: > 1 })
        {
            query.Reject("reason", "Give one reason.");
        }
        var resource = query.Text("resource");
        if (resource is not null && SyncResourceCatalog.Find(resource) is null)
        {
            query.Reject("resource", $"resource must be one of {string.Join(", ", SyncResourceCatalog.All.Select(r => r.Name))}.");
        }
        var connectionId = query.Id("connection_id", "a connection's id from /api/v1/connections");
        var search = query.Text("search");
        var limit = query.Integer("limit", 1, MaxLimit) ?? DefaultLimit;
        if (query.Errors.Count > 0)
        {
            return query.Problem();
        }
        var rows = await failures.FindAsync(caller.Tenant, new ImportFailureFilter(search, reasons?[0], connectionId, Resource: resource), limit, cancellationToken);
        var dtos = await ToDtosAsync(caller, rows, candidates, cancellationToken);
        await audit.RecordAsync(caller.Tenant, caller.Actor, AuditActions.ImportFailuresViewed, $"Import failures: {dtos.Count} listed", cancellationToken: cancellationToken);
        return TypedResults.Ok(dtos);
    }

    private static async Task<Results<Ok<ImportFailureDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ImportFailureQuery failures, CandidateProfiles candidates, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (await failures.FindByIdAsync(caller.Tenant, id, cancellationToken) is not { } row)
        {
            return NotFound(id);
        }
        var dto = (await ToDtosAsync(caller, [row], candidates, cancellationToken))[0];
        await audit.RecordAsync(caller.Tenant, caller.Actor, AuditActions.ImportFailuresViewed, $"Import failure {id}", cancellationToken: cancellationToken);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ImportFailureResolvedDto>, ProblemHttpResult>> LinkAsync(
        Guid id, LinkToProfileRequest request, ClaimsPrincipal user, ImportFailureResolution resolution, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        return Answer(id, await resolution.LinkToExistingAsync(caller.Tenant, caller.Actor, id, request.PatientId, cancellationToken));
    }

    private static async Task<Results<Ok<ImportFailureResolvedDto>, ProblemHttpResult>> NewProfileAsync(
        Guid id, ClaimsPrincipal user, ImportFailureResolution resolution, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        return Answer(id, await resolution.CreateNewAsync(caller.Tenant, caller.Actor, id, cancellationToken));
    }

    private static Results<Ok<ImportFailureResolvedDto>, ProblemHttpResult> Answer(Guid id, ResolutionResult result) =>
        result switch
        {
            { PatientId: { } patientId } => TypedResults.Ok(new ImportFailureResolvedDto(id, patientId)),
            { FailureGone: true } => TypedResults.Problem(statusCode: 404, title: "Import failure not found",
                detail: $"This practice has no import failure {id} that a person can settle: it was settled already, cleared by a sync, or is fixed in the PMS."),
            _ => TypedResults.Problem(statusCode: 422, title: "Not settled", detail: result.Error),
        };

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Import failure not found", detail: $"This practice has no import failure {id}.");

    private static async Task<IReadOnlyList<ImportFailureDto>> ToDtosAsync(ApiCaller caller, IReadOnlyList<ImportFailureRow> rows, CandidateProfiles candidates, CancellationToken cancellationToken)
    {
        var dtos = new List<ImportFailureDto>(rows.Count);
        foreach (var row in rows)
        {
            var choice = await candidates.ChoiceOfAsync(caller.Tenant, row, cancellationToken);
            dtos.Add(new ImportFailureDto(
                row.Id, row.ConnectionId, row.ConnectionName, row.Resource, row.PmsId, row.Label, row.Reason, ReasonText.Of(row.Reason), row.Severity, row.Message,
                choice is not null, choice?.Record, choice?.Candidates ?? [], row.FirstSeenAt, row.LastSeenAt));
        }
        return dtos;
    }

}
