namespace DentalHub.Schedule;

/// <param name="Id">The procedure's PMS id.</param>
public sealed record AppointmentProcedureDto(string Id, string? Code, string? Description, decimal Fee);
