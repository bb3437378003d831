namespace DentalHub.Connectors.Contract;

/// <summary>A connector that can read when providers work and which time is blocked out.</summary>
public interface IReadsSchedules
{
    IChangeFeed<PmsScheduleBlock> Schedules { get; }
}

/// <summary>
/// One block of a day's schedule, in the practice's wall clock: the hours a provider works (in given
/// chairs, or any), a blockout, or a day the practice is closed.
/// </summary>
/// <param name="OperatoryPmsIds">The chairs the block applies to; empty means every chair.</param>
/// <param name="Label">A blockout's type or a closed day's note, as the PMS names it.</param>
public sealed record PmsScheduleBlock(
    string PmsId,
    PmsScheduleKind Kind,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string? ProviderPmsId,
    string? ClinicPmsId,
    IReadOnlyList<string> OperatoryPmsIds,
    string? Label,
    string? Note) : IPmsRecord;

public enum PmsScheduleKind
{
    ProviderHours,
    Blockout,

    /// <summary>A day (or part of one) the practice is closed: a holiday.</summary>
    PracticeClosed,
}
