using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> entity)
    {
        entity.Property(a => a.Kind).HasMaxLength(64);
        entity.Property(a => a.Text).HasMaxLength(1000);
        entity.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        entity.Property(a => a.SubjectName).HasMaxLength(300);
        entity.Property(a => a.Link).HasMaxLength(300);
        entity.HasIndex(a => new { a.SubjectId, a.AcknowledgedAt });
        entity.HasIndex(a => new { a.PracticeId, a.AcknowledgedAt });
        entity.HasIndex(a => a.WebhookDeliveredAt);
        entity.HasIndex(a => a.EmailedAt);
        // Many writes wait behind one broken connection and several dispatchers can meet the problem at
        // once: the database, not a check-then-insert, keeps its alert to one while it is open.
        entity.HasIndex(a => new { a.PracticeId, a.SubjectId })
            .IsUnique()
            .HasFilter($"\"AcknowledgedAt\" IS NULL AND \"Kind\" = '{AlertKinds.ConnectionNeedsAttention}'")
            .HasDatabaseName("IX_Alerts_OneOpenPerConnection");
        entity.HasOne<Practice>().WithMany().HasForeignKey(a => a.PracticeId);
    }
}

internal sealed class AlertWebhookConfiguration : IEntityTypeConfiguration<AlertWebhook>
{
    public void Configure(EntityTypeBuilder<AlertWebhook> entity)
    {
        entity.HasKey(w => w.PracticeId);
        entity.Property(w => w.Url).HasMaxLength(500);
        entity.HasOne<Practice>().WithMany().HasForeignKey(w => w.PracticeId);
    }
}

internal sealed class AlertEmailReceiptConfiguration : IEntityTypeConfiguration<AlertEmailReceipt>
{
    public void Configure(EntityTypeBuilder<AlertEmailReceipt> entity)
    {
        entity.Property(r => r.Address).HasMaxLength(256);
        entity.HasIndex(r => new { r.AlertId, r.Address }).IsUnique();
        entity.HasOne<Alert>().WithMany().HasForeignKey(r => r.AlertId);
    }
}
