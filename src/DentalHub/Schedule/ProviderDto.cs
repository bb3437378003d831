namespace DentalHub.Schedule;

/// <param name="Id">The provider's PMS id.</param>
public sealed record ProviderDto(
    string Id, Guid ConnectionId, string? FirstName, string? LastName, string? Abbreviation, string? Npi, string? Specialty,
    bool IsHygienist, bool IsHidden, string? ClinicId, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static ProviderDto From(Provider p) =>
        new(p.PmsId, p.ConnectionId, p.FirstName, p.LastName, p.Abbreviation, p.Npi, p.Specialty, p.IsHygienist, p.IsHidden, p.ClinicPmsId, p.UpdatedAt, p.DeletedAt);
}
