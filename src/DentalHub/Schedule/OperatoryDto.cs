namespace DentalHub.Schedule;

/// <param name="Id">The chair's PMS id.</param>
/// <param name="DentistId">The PMS id of the provider the PMS assigns to the chair by default.</param>
/// <param name="SortOrder">Where the PMS shows the chair among the others (0 first).</param>
public sealed record OperatoryDto(
    string Id, Guid ConnectionId, string? Name, string? Abbreviation, string? ClinicId, string? DentistId, string? HygienistId,
    bool IsHygiene, bool IsHidden, int SortOrder, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static OperatoryDto From(Operatory o) => new(
        o.PmsId, o.ConnectionId, o.Name, o.Abbreviation, o.ClinicPmsId, o.DentistPmsId, o.HygienistPmsId, o.IsHygiene, o.IsHidden, o.SortOrder, o.UpdatedAt, o.DeletedAt);
}
