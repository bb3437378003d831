namespace DentalHub.Schedule;

/// <summary>A provider's hours, a blockout, or a day the practice is closed.</summary>
/// <param name="Id">The block's PMS id.</param>
/// <param name="Date">The day of the practice's calendar the block is on.</param>
/// <param name="StartsAt">In UTC; a closed day runs from the day's midnight to the next.</param>
/// <param name="OperatoryIds">The chairs the block applies to; empty for every chair.</param>
/// <param name="Label">A blockout's type, or a closed day's name ("Thanksgiving"), as the PMS names it.</param>
public sealed record ScheduleBlockDto(
    string Id, Guid ConnectionId, ScheduleBlockKind Kind, DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? ProviderId, string? ClinicId, IReadOnlyList<string> OperatoryIds, string? Label, string? Note, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static ScheduleBlockDto From(ScheduleBlock b) => new(
        b.PmsId, b.ConnectionId, b.Kind, b.Date, b.StartsAt, b.EndsAt, b.ProviderPmsId, b.ClinicPmsId, b.Operatories, b.Label, b.Note, b.UpdatedAt, b.DeletedAt);
}
