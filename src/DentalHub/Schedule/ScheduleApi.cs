using DentalHub.Api;
using DentalHub.Auth.ApiKeys;

namespace DentalHub.Schedule;

public sealed record ProviderDto(
    string Id, Guid ConnectionId, string? FirstName, string? LastName, string? Abbreviation, string? Npi, string? Specialty,
    bool IsHygienist, bool IsHidden, string? ClinicId, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt);

/// <summary>The practice's schedule as the PMS has it: providers, chairs, appointment types, schedules and appointments.</summary>
public static class ScheduleApi
{
    public static void MapScheduleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Schedule");
        group.MapResourceList<Provider, ProviderDto>("/providers", ApiScopes.ScheduleRead, "ListProviders",
            "The practice's providers (dentists and hygienists) as the PMS has them, in the order they changed in DentalHub.",
            p => new ProviderDto(p.PmsId, p.ConnectionId, p.FirstName, p.LastName, p.Abbreviation, p.Npi, p.Specialty, p.IsHygienist, p.IsHidden, p.ClinicPmsId, p.UpdatedAt, p.DeletedAt));
    }
}
