using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>
/// One block of a day's schedule: the hours a provider works, a blockout, or a day the practice is closed.
/// <see cref="Date"/>, <see cref="Start"/> and <see cref="End"/> are the practice's wall clock as the PMS shows
/// them; <see cref="StartsAt"/> and <see cref="EndsAt"/> are the same moments in UTC, right across daylight-saving
/// changes. An <see cref="End"/> of 00:00 is the end of the day (a closed day runs from 00:00 to 00:00).
/// </summary>
public sealed class ScheduleBlock : PmsRecordRow
{
    public ScheduleBlockKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? ProviderPmsId { get; set; }
    public string? ClinicPmsId { get; set; }

    /// <summary>The chairs the block applies to, their PMS ids joined by commas; null for every chair.</summary>
    public string? OperatoryPmsIds { get; set; }

    /// <summary>A blockout's type, or a closed day's note ("Thanksgiving"), as the PMS names it.</summary>
    public string? Label { get; set; }

    public string? Note { get; set; }

    /// <summary>The chairs as a list; empty for every chair.</summary>
    public IReadOnlyList<string> Operatories =>
        OperatoryPmsIds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>What a schedule block says about its time (mirrors the connector contract's PmsScheduleKind).</summary>
public enum ScheduleBlockKind
{
    ProviderHours,
    Blockout,
    PracticeClosed,
}

internal sealed class ScheduleBlockConfiguration : IEntityTypeConfiguration<ScheduleBlock>
{
    public const int OperatoriesLength = 1000;
    public const int LabelLength = 200;
    public const int NoteLength = 2000;

    public void Configure(EntityTypeBuilder<ScheduleBlock> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        entity.Property(b => b.ProviderPmsId).HasMaxLength(64);
        entity.Property(b => b.ClinicPmsId).HasMaxLength(64);
        entity.Property(b => b.OperatoryPmsIds).HasMaxLength(OperatoriesLength);
        entity.Property(b => b.Label).HasMaxLength(LabelLength);
        entity.Property(b => b.Note).HasMaxLength(NoteLength);
        entity.HasIndex(b => new { b.PracticeId, b.Date });
        entity.Ignore(b => b.Operatories);
    }
}
