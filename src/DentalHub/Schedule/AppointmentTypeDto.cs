namespace DentalHub.Schedule;

/// <param name="Id">The appointment type's PMS id.</param>
/// <param name="LengthMinutes">The default length, when the PMS sets one.</param>
/// <param name="Color">As #RRGGBB.</param>
public sealed record AppointmentTypeDto(
    string Id, Guid ConnectionId, string? Name, int? LengthMinutes, string? Color, bool IsHidden, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static AppointmentTypeDto From(AppointmentType t) => new(t.PmsId, t.ConnectionId, t.Name, t.LengthMinutes, t.Color, t.IsHidden, t.UpdatedAt, t.DeletedAt);
}
