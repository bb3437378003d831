using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Payments.RefundsAndDisputes;

internal sealed class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> entity)
    {
        entity.HasIndex(r => new { r.PracticeId, r.RefundId }).IsUnique();
        entity.HasIndex(r => new { r.PracticeId, r.PaymentReference });
        entity.Property(r => r.RefundId).HasMaxLength(255);
        entity.Property(r => r.Processor).HasMaxLength(32);
        entity.Property(r => r.PaymentReference).HasMaxLength(255);
        entity.Property(r => r.Amount).HasPrecision(12, 2);
        entity.Property(r => r.Currency).HasMaxLength(3);
        entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        entity.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId);
    }
}

internal sealed class PaymentDisputeConfiguration : IEntityTypeConfiguration<PaymentDispute>
{
    public void Configure(EntityTypeBuilder<PaymentDispute> entity)
    {
        entity.HasIndex(d => new { d.PracticeId, d.DisputeId }).IsUnique();
        entity.HasIndex(d => new { d.PracticeId, d.PaymentReference });
        entity.Property(d => d.DisputeId).HasMaxLength(255);
        entity.Property(d => d.PaymentReference).HasMaxLength(255);
        entity.Property(d => d.Amount).HasPrecision(12, 2);
        entity.Property(d => d.Fee).HasPrecision(12, 2);
        entity.Property(d => d.Net).HasPrecision(12, 2);
        entity.Property(d => d.Currency).HasMaxLength(3);
        entity.Property(d => d.Reason).HasMaxLength(64);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        entity.HasOne<Practice>().WithMany().HasForeignKey(d => d.PracticeId);
    }
}

internal sealed class RefundOrDisputeChangeConfiguration : IEntityTypeConfiguration<RefundOrDisputeChange>
{
    public void Configure(EntityTypeBuilder<RefundOrDisputeChange> entity)
    {
        entity.HasIndex(c => new { c.PracticeId, c.Subject, c.ExternalId });
        entity.Property(c => c.ExternalId).HasMaxLength(255);
        entity.Property(c => c.PaymentReference).HasMaxLength(255);
        entity.Property(c => c.Status).HasMaxLength(32);
        entity.Property(c => c.Amount).HasPrecision(12, 2);
        entity.Property(c => c.Subject).HasConversion<string>().HasMaxLength(16);
        entity.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
    }
}
