using DentalHub.Tenancy;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> entity)
    {
        entity.HasIndex(p => new { p.PracticeId, p.ProcessorReference }).IsUnique();
        entity.HasIndex(p => new { p.PracticeId, p.PatientId });
        entity.Property(p => p.Gross).HasPrecision(12, 2);
        entity.Property(p => p.Fee).HasPrecision(12, 2);
        entity.Property(p => p.Net).HasPrecision(12, 2);
        entity.Property(p => p.Currency).HasMaxLength(3);
        entity.Property(p => p.ProcessorReference).HasMaxLength(255);
        entity.Property(p => p.Processor).HasMaxLength(32);
        entity.Property(p => p.Description).HasMaxLength(500);
        entity.Property(p => p.WritebackNote).HasMaxLength(500);
        entity.Property(p => p.Discrepancy).HasMaxLength(1000);
        entity.Property(p => p.Version).IsConcurrencyToken();
        entity.HasIndex(p => new { p.PracticeId, p.ProcessedAt });
        entity.Property(p => p.Source).HasConversion<string>().HasMaxLength(32);
        entity.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId);
    }
}

internal sealed class PaymentEventReceiptConfiguration : IEntityTypeConfiguration<PaymentEventReceipt>
{
    public void Configure(EntityTypeBuilder<PaymentEventReceipt> entity)
    {
        entity.HasIndex(r => new { r.ConnectionId, r.EventId }).IsUnique();
        entity.Property(r => r.EventId).HasMaxLength(255);
        entity.Property(r => r.EventType).HasMaxLength(100);
        entity.Property(r => r.Outcome).HasMaxLength(300);
        entity.HasOne<Connections.Connection>().WithMany().HasForeignKey(r => r.ConnectionId);
    }
}

internal sealed class WritebackSettingsConfiguration : IEntityTypeConfiguration<WritebackSettings>
{
    public void Configure(EntityTypeBuilder<WritebackSettings> entity)
    {
        entity.HasKey(s => s.PracticeId);
        entity.Property(s => s.DisabledSources).HasMaxLength(300);
        entity.Property(s => s.PaymentTypesJson).HasMaxLength(2000);
        entity.Property(s => s.DiscountAdjustmentType).HasMaxLength(100);
        entity.Property(s => s.RefundAdjustmentType).HasMaxLength(100);
        entity.Property(s => s.DefaultDocumentCategory).HasMaxLength(100);
        entity.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId);
    }
}

internal sealed class WritebackCommandConfiguration : IEntityTypeConfiguration<WritebackCommand>
{
    public void Configure(EntityTypeBuilder<WritebackCommand> entity)
    {
        entity.Property(c => c.Kind).HasMaxLength(32);
        entity.Property(c => c.OrderKey).HasMaxLength(64);
        entity.Property(c => c.Reference).HasMaxLength(64);
        entity.Property(c => c.TargetId).HasMaxLength(64);
        entity.Property(c => c.LastError).HasMaxLength(1000);
        entity.Property(c => c.AcceptedNote).HasMaxLength(300);
        entity.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.HandledFrom).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(c => c.Reference).IsUnique();
        entity.HasIndex(c => new { c.State, c.NextAttemptAt });
        entity.HasIndex(c => new { c.PracticeId, c.SubjectId });
        entity.HasOne<Connections.Connection>().WithMany().HasForeignKey(c => c.ConnectionId);
    }
}
