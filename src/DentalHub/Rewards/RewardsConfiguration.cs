using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Rewards;

internal sealed class RewardCardConfiguration : IEntityTypeConfiguration<RewardCard>
{
    public void Configure(EntityTypeBuilder<RewardCard> entity)
    {
        entity.Property(c => c.Number).HasMaxLength(CardNumbers.Length);
        entity.Property(c => c.ConnectedBy).HasMaxLength(200);
        // The database is the last word on "one holder per number in the organization" and "one active card per patient".
        entity.HasIndex(c => new { c.OrganizationId, c.Number }).IsUnique();
        entity.HasIndex(c => c.ActiveForPatientId).IsUnique();
        entity.HasIndex(c => new { c.PracticeId, c.PatientId });
        entity.Ignore(c => c.IsActive);
        entity.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
        entity.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> entity)
    {
        entity.Property(e => e.Reason).HasMaxLength(200);
        entity.Property(e => e.GrantKey).HasMaxLength(32);
        entity.Property(e => e.ActorId).HasMaxLength(64);
        entity.Property(e => e.ActorName).HasMaxLength(200);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(e => new { e.PatientId, e.At });
        entity.HasIndex(e => new { e.PatientId, e.GrantKey }).IsUnique();
        entity.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId);
    }
}

internal sealed class PointsBalanceConfiguration : IEntityTypeConfiguration<PointsBalance>
{
    public void Configure(EntityTypeBuilder<PointsBalance> entity)
    {
        entity.HasKey(b => b.PatientId);
        entity.HasOne<Patient>().WithOne().HasForeignKey<PointsBalance>(b => b.PatientId);
        entity.ToTable(t => t.HasCheckConstraint("CK_PointsBalances_NotNegative", "\"Balance\" >= 0"));
    }
}

internal sealed class RewardCategoryConfiguration : IEntityTypeConfiguration<RewardCategory>
{
    public void Configure(EntityTypeBuilder<RewardCategory> entity)
    {
        entity.Property(c => c.Name).HasMaxLength(100);
        entity.HasIndex(c => c.PracticeId);
        entity.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
    }
}

internal sealed class RewardItemConfiguration : IEntityTypeConfiguration<RewardItem>
{
    public void Configure(EntityTypeBuilder<RewardItem> entity)
    {
        entity.Property(i => i.Name).HasMaxLength(100);
        entity.HasIndex(i => new { i.PracticeId, i.CategoryId });
        entity.HasOne<RewardCategory>().WithMany().HasForeignKey(i => i.CategoryId);
    }
}

internal sealed class PointsRuleSettingsConfiguration : IEntityTypeConfiguration<PointsRuleSettings>
{
    public void Configure(EntityTypeBuilder<PointsRuleSettings> entity)
    {
        entity.HasKey(s => s.PracticeId);
        entity.HasOne<Practice>().WithOne().HasForeignKey<PointsRuleSettings>(s => s.PracticeId);
    }
}
