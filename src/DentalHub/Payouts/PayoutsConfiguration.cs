using DentalHub.Bookkeeping;
using DentalHub.Connections;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Payouts;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> entity)
    {
        entity.HasIndex(p => new { p.PracticeId, p.ProcessorPayoutId }).IsUnique();
        entity.HasIndex(p => new { p.PracticeId, p.ArrivalDate });
        entity.Property(p => p.Processor).HasMaxLength(32);
        entity.Property(p => p.ProcessorPayoutId).HasMaxLength(255);
        entity.Property(p => p.Currency).HasMaxLength(3);
        entity.Property(p => p.NetAmount).HasPrecision(14, 2);
        entity.Property(p => p.Gross).HasPrecision(14, 2);
        entity.Property(p => p.Fees).HasPrecision(14, 2);
        entity.Property(p => p.Difference).HasPrecision(14, 2);
        entity.Property(p => p.ReadBackTotal).HasPrecision(14, 2);
        entity.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(p => p.HeldReason).HasMaxLength(1000);
        entity.Property(p => p.DepositId).HasMaxLength(64);
        entity.Property(p => p.ErrorDetailsJson).HasMaxLength(8000);
        entity.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PayoutId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId);
    }
}

internal sealed class PayoutItemConfiguration : IEntityTypeConfiguration<PayoutItem>
{
    public void Configure(EntityTypeBuilder<PayoutItem> entity)
    {
        entity.Property(i => i.Category).HasConversion<string>().HasMaxLength(16);
        entity.Property(i => i.SourceType).HasConversion<string>().HasMaxLength(32);
        entity.Property(i => i.SourceId).HasMaxLength(255);
        entity.Property(i => i.Gross).HasPrecision(14, 2);
        entity.Property(i => i.Fee).HasPrecision(14, 2);
        entity.Property(i => i.Net).HasPrecision(14, 2);
    }
}

internal sealed class AccountMappingConfiguration : IEntityTypeConfiguration<AccountMapping>
{
    public void Configure(EntityTypeBuilder<AccountMapping> entity)
    {
        entity.HasKey(m => m.ConnectionId);
        entity.Ignore(m => m.Accounts);
        entity.Property(m => m.AccountsJson).HasMaxLength(4000);
        entity.HasOne<Connection>().WithMany().HasForeignKey(m => m.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectionTokensConfiguration : IEntityTypeConfiguration<ConnectionTokens>
{
    public void Configure(EntityTypeBuilder<ConnectionTokens> entity)
    {
        entity.HasKey(t => t.ConnectionId);
        entity.Property(t => t.ProtectedTokens).HasMaxLength(8000);
        entity.Property(t => t.Version).IsConcurrencyToken();
        entity.HasOne<Connection>().WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
