using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>A chair (operatory): a column of the PMS's appointment book.</summary>
public sealed class Operatory : PmsRecordRow
{
    public string? Name { get; set; }
    public string? Abbreviation { get; set; }
    public string? ClinicPmsId { get; set; }

    /// <summary>The dentist the PMS assigns to the chair by default.</summary>
    public string? DentistPmsId { get; set; }

    public string? HygienistPmsId { get; set; }

    /// <summary>A hygiene chair: its hygienist is its main provider.</summary>
    public bool IsHygiene { get; set; }

    public bool IsHidden { get; set; }

    /// <summary>Where the PMS shows the chair among the others (0 first).</summary>
    public int SortOrder { get; set; }
}

internal sealed class OperatoryConfiguration : IEntityTypeConfiguration<Operatory>
{
    public void Configure(EntityTypeBuilder<Operatory> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(o => o.Name).HasMaxLength(100);
        entity.Property(o => o.Abbreviation).HasMaxLength(32);
        entity.Property(o => o.ClinicPmsId).HasMaxLength(64);
        entity.Property(o => o.DentistPmsId).HasMaxLength(64);
        entity.Property(o => o.HygienistPmsId).HasMaxLength(64);
    }
}
