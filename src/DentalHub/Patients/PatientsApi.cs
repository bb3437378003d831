using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Patients;

public sealed record PatientDto(
    Guid Id, string FirstName, string LastName, string? MiddleName, string? PreferredName, DateOnly? BirthDate, PatientStatus Status,
    string? Email, string? MobilePhone, string? HomePhone, PatientSummary? AccountHolder, IReadOnlyList<PatientSummary> Family, IReadOnlyList<PmsRecordLink> PmsRecords);

/// <summary>Patient profiles for other software. Every call is written to the audit log with the key that made it.</summary>
public static class PatientsApi
{
    public static void MapPatientsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/patients").RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PatientsRead)).WithTags("Patients");
        group.MapGet("/", SearchAsync).WithName("SearchPatients").WithSummary("Profiles whose first or last name starts with the search text (or whose e-mail is it), 50 a page.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPatient").WithSummary("One profile, with its account holder, family and PMS records.");
    }

    private static async Task<Ok<IReadOnlyList<PatientSummary>>> SearchAsync(string? search, int? page, ClaimsPrincipal user, PatientQuery patients, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var found = await patients.SearchAsync(caller.Tenant, search, Math.Max(0, page ?? 0) * 50, 50, cancellationToken);
        await audit.RecordListAsync(caller.Tenant, caller.Actor, AuditActions.PatientRead, "Patient search (API)", found.Count, null, cancellationToken);
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<PatientDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, PatientQuery patients, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var profile = await patients.FindAsync(caller.Tenant, id, cancellationToken);
        if (profile is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Patient not found", detail: $"This practice has no patient {id}.");
        }
        await audit.RecordAsync(caller.Tenant, caller.Actor, AuditActions.PatientRead, "Patient profile", id, cancellationToken);
        var p = profile.Patient;
        return TypedResults.Ok(new PatientDto(p.Id, p.FirstName, p.LastName, p.MiddleName, p.PreferredName, p.BirthDate, p.Status,
            p.Email, p.MobilePhone, p.HomePhone, profile.AccountHolder, profile.Family, profile.Links));
    }
}
