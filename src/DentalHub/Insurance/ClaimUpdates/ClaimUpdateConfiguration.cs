using DentalHub.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Insurance.ClaimUpdates;

internal sealed class ClaimUpdateConfiguration : IEntityTypeConfiguration<ClaimUpdate>
{
    public void Configure(EntityTypeBuilder<ClaimUpdate> entity)
    {
        entity.Property(u => u.ClaimPmsId).HasMaxLength(64);
        entity.Property(u => u.From).HasConversion<string>().HasMaxLength(16);
        entity.Property(u => u.To).HasConversion<string>().HasMaxLength(16);
        entity.Property(u => u.EnteredBy).HasMaxLength(200);
        entity.HasIndex(u => new { u.PatientId, u.EnteredAt });
        entity.HasIndex(u => new { u.ConnectionId, u.ClaimPmsId });
        entity.HasOne<Patient>().WithMany().HasForeignKey(u => u.PatientId);
    }
}
