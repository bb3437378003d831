using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>A kind of appointment the PMS offers ("New patient exam"), with its default length and colour.</summary>
public sealed class AppointmentType : PmsRecordRow
{
    public string? Name { get; set; }

    /// <summary>The default length, when the PMS sets one for the type.</summary>
    public int? LengthMinutes { get; set; }

    /// <summary>The colour the PMS shows, as #RRGGBB.</summary>
    public string? Color { get; set; }

    public bool IsHidden { get; set; }
}

internal sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(t => t.Name).HasMaxLength(100);
        entity.Property(t => t.Color).HasMaxLength(7);
    }
}
