using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Api;

/// <summary>
/// What the routes about one patient (<c>/patients/{id}/appointments</c>, <c>/coverages</c>, ...) share: each lives
/// with its feature under the feature's scope, answers 404 problem details for a patient the practice does not have,
/// and writes every read to the audit log with the patient.
/// </summary>
public static class PatientRoutes
{
    public static RouteGroupBuilder MapPatientRoutes(this RouteGroupBuilder api, string scope, string tag) =>
        api.MapGroup("/patients/{id:guid}").RequireAuthorization(ApiSetup.ScopePolicy(scope)).WithTags(tag);

    public static Task<bool> ExistsAsync(DentalHubDb db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Patients.AnyAsync(p => p.Id == id, cancellationToken);
    }

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Patient not found", detail: $"This practice has no patient {id}.");

    /// <param name="what">What was read, without patient data ("Patient appointments").</param>
    public static Task AuditAsync(AuditLog audit, ApiCaller caller, string what, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(caller);
        return audit.RecordAsync(caller.Tenant, caller.Actor, AuditActions.PatientRead, what, id, cancellationToken);
    }
}
