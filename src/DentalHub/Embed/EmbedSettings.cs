using DentalHub.Tenancy;

namespace DentalHub.Embed;

/// <summary>The origins (https://host[:port]) that may frame the practice's compact profile view, one per line.</summary>
public sealed class EmbedSettings : IPracticeOwned
{
    public Guid PracticeId { get; init; }
    public string FrameOrigins { get; set; } = "";
}

internal sealed class EmbedSettingsConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<EmbedSettings>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<EmbedSettings> entity)
    {
        entity.HasKey(s => s.PracticeId);
        entity.Property(s => s.FrameOrigins).HasMaxLength(4000);
        entity.HasOne<Practice>().WithOne().HasForeignKey<EmbedSettings>(s => s.PracticeId);
    }
}
