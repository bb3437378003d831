using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.PmsEvents;

internal sealed class PmsEventReceiptConfiguration : IEntityTypeConfiguration<PmsEventReceipt>
{
    public void Configure(EntityTypeBuilder<PmsEventReceipt> entity)
    {
        entity.HasIndex(r => new { r.ConnectionId, r.EventKey }).IsUnique();
        entity.HasIndex(r => new { r.ConnectionId, r.Reference });
        entity.Property(r => r.EventKey).HasMaxLength(64);
        entity.Property(r => r.EventName).HasMaxLength(100);
        entity.Property(r => r.Reference).HasMaxLength(64);
        entity.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        entity.Property(r => r.TargetId).HasMaxLength(64);
        entity.Property(r => r.Reason).HasMaxLength(500);
        entity.HasOne<Connections.Connection>().WithMany().HasForeignKey(r => r.ConnectionId);
    }
}
