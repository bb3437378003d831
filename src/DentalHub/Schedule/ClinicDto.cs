namespace DentalHub.Schedule;

/// <param name="Id">The clinic's PMS id.</param>
public sealed record ClinicDto(
    string Id, Guid ConnectionId, string? Name, string? Abbreviation, string? AddressLine1, string? AddressLine2, string? City, string? State,
    string? PostalCode, string? Phone, bool IsHidden, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static ClinicDto From(Clinic c) => new(
        c.PmsId, c.ConnectionId, c.Name, c.Abbreviation, c.AddressLine1, c.AddressLine2, c.City, c.State, c.PostalCode, c.Phone, c.IsHidden, c.UpdatedAt, c.DeletedAt);
}
