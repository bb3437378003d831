using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> entity)
    {
        entity.Property(t => t.Name).HasMaxLength(TagService.NameLength);
        entity.HasIndex(t => new { t.PracticeId, t.Name }).IsUnique();
        entity.HasOne<Practice>().WithMany().HasForeignKey(t => t.PracticeId);
    }
}

internal sealed class PatientTagConfiguration : IEntityTypeConfiguration<PatientTag>
{
    public void Configure(EntityTypeBuilder<PatientTag> entity)
    {
        entity.HasKey(t => new { t.PatientId, t.TagId });
        // The list filter goes from a tag to its patients.
        entity.HasIndex(t => new { t.TagId, t.PatientId });
        entity.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagMappingConfiguration : IEntityTypeConfiguration<TagMapping>
{
    public void Configure(EntityTypeBuilder<TagMapping> entity)
    {
        entity.Property(m => m.ClinicId).HasMaxLength(64);
        entity.HasIndex(m => new { m.PracticeId, m.Kind, m.Status, m.ClinicId, m.TagId }).IsUnique();
        entity.HasOne<Tag>().WithMany().HasForeignKey(m => m.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
