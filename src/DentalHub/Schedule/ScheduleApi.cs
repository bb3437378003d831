using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule;

/// <summary>The practice's schedule as the PMS has it: providers, clinics, chairs, appointment types, schedules and appointments.</summary>
public static class ScheduleApi
{
    public static void MapScheduleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Schedule");
        group.MapResourceList<Provider, ProviderDto>("/providers", ApiScopes.ScheduleRead, "ListProviders",
            "The practice's providers (dentists and hygienists) as the PMS has them, in the order they changed in DentalHub.",
            ProviderDto.From);
        group.MapResourceList<Clinic, ClinicDto>("/clinics", ApiScopes.ScheduleRead, "ListClinics",
            "The practice's locations (clinics) as the PMS has them, in the order they changed in DentalHub.",
            ClinicDto.From);
        group.MapResourceList<Operatory, OperatoryDto>("/operatories", ApiScopes.ScheduleRead, "ListOperatories",
            "The practice's chairs (operatories) as the PMS has them, in the order they changed in DentalHub.",
            OperatoryDto.From);
        group.MapResourceList<AppointmentType, AppointmentTypeDto>("/appointment-types", ApiScopes.ScheduleRead, "ListAppointmentTypes",
            "The kinds of appointment the PMS offers, with their default length and colour, in the order they changed in DentalHub.",
            AppointmentTypeDto.From);
        group.MapResourceList<ScheduleBlock, ScheduleBlockDto>("/schedules", ApiScopes.ScheduleRead, "ListSchedules",
            "The schedule's blocks (providers' hours, blockouts, closed days), in the order they changed in DentalHub; filter by day and provider.",
            ScheduleBlockDto.From,
            ListFilters.DateRange<ScheduleBlock>(b => b.Date, "blocks"),
            ListFilters.Equal<ScheduleBlock>("provider_id", "Only this provider's blocks (the provider's PMS id).", b => b.ProviderPmsId));
        group.MapPatientResourceList<Appointment, AppointmentDto>("/appointments", ApiScopes.ScheduleRead, "ListAppointments",
            "Appointments as the PMS has them, in the order they changed in DentalHub; filter by day, patient, provider and status. Each read is audited.",
            a => a.PatientPmsId, AppointmentDto.From,
            ListFilters.DateRange<Appointment>(a => a.LocalDate, "appointments"),
            ListFilters.Patient<Appointment>(a => a.PatientPmsId),
            ListFilters.Equal<Appointment>("provider_id", "Only appointments with this provider, as dentist or hygienist (the provider's PMS id).", a => a.ProviderPmsId, a => a.HygienistPmsId),
            ListFilters.OneOf<Appointment, AppointmentStatus>("status", "Only appointments in these states.", a => a.Status));

        api.MapPatientRoutes(ApiScopes.ScheduleRead, "Schedule")
            .MapGet("/appointments", PatientAppointmentsAsync).WithName("ListPatientAppointments")
            .WithSummary("A patient's appointments on every PMS it is linked on (deleted ones left out), by start time, unscheduled ones last. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<AppointmentDto>>, ProblemHttpResult>> PatientAppointmentsAsync(
        Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using var db = databases.Create(caller.Tenant);
        if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
        {
            return PatientRoutes.NotFound(id);
        }
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.DeletedAt == null && db.PatientLinks.Any(l => l.PatientId == id && l.ConnectionId == a.ConnectionId && l.PmsId == a.PatientPmsId))
            .OrderBy(a => a.StartsAt == null).ThenBy(a => a.StartsAt).ThenBy(a => a.PmsId)
            .ToListAsync(cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, "Patient appointments", id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AppointmentDto>>(appointments.Select(a => AppointmentDto.From(a, id)).ToList());
    }
}
