using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Schedule.Bookings;

/// <param name="Start">When it starts, on the practice's wall clock (yyyy-MM-ddTHH:mm, no offset).</param>
/// <param name="LengthMinutes">5 to 540 in steps of 5; left out, the appointment type's length.</param>
public sealed record BookAppointmentRequest(
    Guid PatientId, string ProviderId, string OperatoryId, DateTime Start, int? LengthMinutes, string? AppointmentTypeId, string? Note);

/// <param name="ConnectionId">Only when several connections have an appointment with that id.</param>
public sealed record RescheduleAppointmentRequest(string ProviderId, string OperatoryId, DateTime Start, int? LengthMinutes, Guid? ConnectionId);

/// <summary>A booking or change made here and how it went in the PMS.</summary>
/// <param name="Id">The change's id (GET /api/v1/appointment-changes/{id}); for a booking also what /reschedule, /confirm and /cancel take until the PMS shows it back.</param>
/// <param name="AppointmentId">The PMS's appointment: given for a change, a booking's once the PMS booked it.</param>
public sealed record AppointmentChangeDto(
    Guid Id, AppointmentWriteAction Action, Guid PatientId, Guid ConnectionId, string? AppointmentId, string? ProviderId, string? OperatoryId,
    DateTimeOffset? StartsAt, int? LengthMinutes, AppointmentWriteDisplay State, string StateText, DateTimeOffset RequestedAt);

/// <summary>Appointments booked and changed in the PMS through DentalHub, each checked against the schedule first; appointments:write.</summary>
public static class AppointmentBookingApi
{
    public static void MapAppointmentBookingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Appointments");
        group.MapPost("/appointments", BookAsync).RequireScope(ApiScopes.AppointmentsWrite).WithName("BookAppointment")
            .WithSummary("Books an appointment in the PMS. The slot is checked against the provider's hours, blockouts and the chair's appointments first: "
                + "a slot refused is a 422 naming the field; otherwise 202 with the booking, written to the PMS at once.");
        group.MapPost("/appointments/{id}/reschedule", RescheduleAsync).RequireScope(ApiScopes.AppointmentsWrite).WithName("RescheduleAppointment")
            .WithSummary("Moves an appointment (its PMS id, or a booking's id) to another time, provider or chair, checked as a booking is.");
        group.MapPost("/appointments/{id}/confirm", ConfirmAsync).RequireScope(ApiScopes.AppointmentsWrite).WithName("ConfirmAppointment")
            .WithSummary("Marks an appointment confirmed in the PMS.");
        group.MapPost("/appointments/{id}/cancel", CancelAsync).RequireScope(ApiScopes.AppointmentsWrite).WithName("CancelAppointment")
            .WithSummary("Cancels an appointment in the PMS (Open Dental: broken, cancelled).");
        group.MapGet("/appointment-changes/{id:guid}", GetAsync).RequireScope(ApiScopes.AppointmentsWrite).WithName("GetAppointmentChange")
            .WithSummary("A booking or change made through DentalHub and whether it reached the PMS.");
    }

    private static async Task<Results<Accepted<AppointmentChangeDto>, ProblemHttpResult>> BookAsync(
        BookAppointmentRequest request, ClaimsPrincipal user, AppointmentBookings bookings, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        if (WallClockProblem(request.Start) is { } problem)
        {
            return problem;
        }
        var caller = ApiCaller.From(user);
        var outcome = await bookings.BookAsync(caller.Tenant, caller.Actor,
            new BookingRequest(request.PatientId, request.ProviderId, request.OperatoryId, request.Start, request.LengthMinutes, request.AppointmentTypeId, request.Note),
            cancellationToken);
        return await AnswerAsync(outcome, "The appointment was not booked", bookings, databases, caller, cancellationToken);
    }

    private static async Task<Results<Accepted<AppointmentChangeDto>, ProblemHttpResult>> RescheduleAsync(
        string id, RescheduleAppointmentRequest request, ClaimsPrincipal user, AppointmentBookings bookings, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        if (WallClockProblem(request.Start) is { } problem)
        {
            return problem;
        }
        var caller = ApiCaller.From(user);
        var outcome = await bookings.MoveAsync(caller.Tenant, caller.Actor, new AppointmentKey(id, request.ConnectionId),
            new MoveRequest(request.ProviderId, request.OperatoryId, request.Start, request.LengthMinutes), cancellationToken);
        return await AnswerAsync(outcome, "The appointment was not moved", bookings, databases, caller, cancellationToken);
    }

    private static async Task<Results<Accepted<AppointmentChangeDto>, ProblemHttpResult>> ConfirmAsync(
        string id, Guid? connectionId, ClaimsPrincipal user, AppointmentBookings bookings, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var outcome = await bookings.ConfirmAsync(caller.Tenant, caller.Actor, new AppointmentKey(id, connectionId), cancellationToken);
        return await AnswerAsync(outcome, "The appointment was not confirmed", bookings, databases, caller, cancellationToken);
    }

    private static async Task<Results<Accepted<AppointmentChangeDto>, ProblemHttpResult>> CancelAsync(
        string id, Guid? connectionId, ClaimsPrincipal user, AppointmentBookings bookings, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var outcome = await bookings.CancelAsync(caller.Tenant, caller.Actor, new AppointmentKey(id, connectionId), cancellationToken);
        return await AnswerAsync(outcome, "The appointment was not cancelled", bookings, databases, caller, cancellationToken);
    }

    private static async Task<Results<Ok<AppointmentChangeDto>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, AppointmentBookings bookings, DentalHubDbFactory databases, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(ApiCaller.From(user).Tenant);
        var change = await db.AppointmentChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return change is null ? TypedResults.NotFound() : TypedResults.Ok(await DtoAsync(db, bookings, change, cancellationToken));
    }

    private static async Task<Results<Accepted<AppointmentChangeDto>, ProblemHttpResult>> AnswerAsync(
        BookingOutcome outcome, string title, AppointmentBookings bookings, DentalHubDbFactory databases, ApiCaller caller, CancellationToken cancellationToken)
    {
        if (outcome.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: "This practice has no such appointment or patient.");
        }
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Field.Length == 0
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: refusal.Message)
                : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = title,
                    Detail = refusal.Message,
                });
        }
        await using var db = databases.Create(caller.Tenant);
        var dto = await DtoAsync(db, bookings, outcome.Change!, cancellationToken);
        return TypedResults.Accepted($"/api/v1/appointment-changes/{dto.Id}", dto);
    }

    private static async Task<AppointmentChangeDto> DtoAsync(DentalHubDb db, AppointmentBookings bookings, AppointmentChange change, CancellationToken cancellationToken)
    {
        var state = (await bookings.StatesAsync(db, [change], cancellationToken))[change.Id];
        var bookedAs = change.AppointmentPmsId ?? (await AppointmentBookings.BookedAsAsync(db, [change.Id], cancellationToken)).GetValueOrDefault(change.Id);
        return new(change.Id, change.Action, change.PatientId, change.ConnectionId, bookedAs, change.ProviderPmsId, change.OperatoryPmsId,
            change.StartsAt, change.LengthMinutes, state.State, state.Text, change.RequestedAt);
    }

    private static ProblemHttpResult? WallClockProblem(DateTime start) => start.Kind == DateTimeKind.Unspecified ? null
        : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["start"] = ["Give the start on the practice's wall clock without an offset, as the schedule shows it (2026-03-02T09:30)."],
        })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The appointment was not booked",
        });
}
