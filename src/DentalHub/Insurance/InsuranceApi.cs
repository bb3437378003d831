using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Insurance;

/// <summary>Insurance as the PMS has it: plans, each patient's coverages, and claims.</summary>
public static class InsuranceApi
{
    public static void MapInsuranceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Insurance");
        group.MapResourceList<InsurancePlan, InsurancePlanDto>("/insurance-plans", ApiScopes.InsuranceRead, "ListInsurancePlans",
            "Insurance plans (carrier, group, employer, annual maximum, deductible) as the PMS has them, in the order they changed in DentalHub.",
            InsurancePlanDto.From);
        group.MapPatientResourceList<Coverage, CoverageDto>("/coverages", ApiScopes.InsuranceRead, "ListCoverages",
            "Patients' coverages by plans, in the order they changed in DentalHub; filter by patient. Each read is audited.",
            c => c.PatientPmsId, CoverageDto.From,
            ListFilters.Patient<Coverage>(c => c.PatientPmsId));
        group.MapPatientResourceList<Claim, ClaimDto>("/claims", ApiScopes.InsuranceRead, "ListClaims",
            "Insurance claims and where they stand, in the order they changed in DentalHub; filter by patient. Each read is audited.",
            c => c.PatientPmsId, ClaimDto.From,
            ListFilters.Patient<Claim>(c => c.PatientPmsId));

        api.MapPatientRoutes(ApiScopes.InsuranceRead, "Insurance")
            .MapGet("/coverages", PatientCoveragesAsync).WithName("ListPatientCoverages")
            .WithSummary("A patient's coverages (deleted ones left out) by priority, each with its plan and carrier and the benefits remaining this year. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<PatientCoverageDto>>, ProblemHttpResult>> PatientCoveragesAsync(
        Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
        {
            return PatientRoutes.NotFound(id);
        }
        var coverages = await db.Coverages.AsNoTracking()
            .Where(c => c.DeletedAt == null && db.PatientLinks.Any(l => l.PatientId == id && l.ConnectionId == c.ConnectionId && l.PmsId == c.PatientPmsId))
            .OrderBy(c => c.Priority).ThenBy(c => c.PmsId)
            .ToListAsync(cancellationToken);
        var planIds = coverages.Where(c => c.PlanPmsId is not null).Select(c => c.PlanPmsId!).Distinct().ToList();
        var plans = (await db.InsurancePlans.AsNoTracking()
                .Where(p => p.DeletedAt == null && EF.Parameter(planIds).Contains(p.PmsId))
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.ConnectionId, p.PmsId));
        await PatientRoutes.AuditAsync(audit, caller, "Patient coverages", id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PatientCoverageDto>>(coverages.Select(c =>
        {
            var plan = c.PlanPmsId is { } planId ? plans.GetValueOrDefault((c.ConnectionId, planId)) : null;
            return new PatientCoverageDto(CoverageDto.From(c, id), plan is null ? null : InsurancePlanDto.From(plan), plan is null ? null : Benefits.Remaining(plan, c));
        }).ToList());
    }
}
