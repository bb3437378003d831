using System.Security.Claims;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Api;

public sealed record PracticeDto(Guid Id, string Name, string TimeZone, bool IsSample);

public static class PracticeApi
{
    public static void MapPracticeApi(this RouteGroupBuilder api) =>
        api.MapGet("/practice", GetAsync)
            .RequireAuthorization(ApiSetup.ScopePolicy(ApiScopes.PracticeRead))
            .WithName("GetPractice")
            .WithTags("Practice")
            .WithSummary("The practice this API key belongs to.");

    private static async Task<Results<Ok<PracticeDto>, NotFound>> GetAsync(ClaimsPrincipal user, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == caller.Tenant.PracticeId, cancellationToken);
        return practice is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new PracticeDto(practice.Id, practice.Name, practice.TimeZoneId, practice.IsSample));
    }
}
