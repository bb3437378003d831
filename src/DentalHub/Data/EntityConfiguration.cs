using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connections;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> entity) =>
        entity.Property(o => o.Name).HasMaxLength(200);
}

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> entity)
    {
        entity.Property(p => p.Name).HasMaxLength(200);
        entity.Property(p => p.TimeZoneId).HasMaxLength(64);
        entity.Property(p => p.AddressLine1).HasMaxLength(200);
        entity.Property(p => p.City).HasMaxLength(100);
        entity.Property(p => p.State).HasMaxLength(50);
        entity.Property(p => p.PostalCode).HasMaxLength(20);
        entity.Ignore(p => p.TimeZone);
        entity.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<PracticeMembership>
{
    public void Configure(EntityTypeBuilder<PracticeMembership> entity)
    {
        entity.HasIndex(m => new { m.PracticeId, m.UserId }).IsUnique();
        entity.HasIndex(m => m.UserId);
        entity.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        entity.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> entity) =>
        entity.Property(u => u.DisplayName).HasMaxLength(200);
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> entity)
    {
        entity.HasIndex(k => k.Prefix).IsUnique();
        entity.Property(k => k.Name).HasMaxLength(100);
        entity.Property(k => k.Prefix).HasMaxLength(32);
        entity.Property(k => k.Scopes).HasMaxLength(500);
        entity.Ignore(k => k.IsActive);
        entity.Ignore(k => k.ScopeSet);
        entity.HasOne<Practice>().WithMany().HasForeignKey(k => k.PracticeId);
    }
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> entity)
    {
        entity.Property(c => c.ConnectorKey).HasMaxLength(64);
        entity.Property(c => c.Name).HasMaxLength(100);
        entity.Property(c => c.LastCheckMessage).HasMaxLength(1000);
        entity.HasIndex(c => c.PracticeId);
        entity.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.Property(a => a.ActorId).HasMaxLength(64);
        entity.Property(a => a.ActorName).HasMaxLength(200);
        entity.Property(a => a.Action).HasMaxLength(64);
        entity.Property(a => a.Subject).HasMaxLength(300);
        entity.Property(a => a.StaffUserId).HasMaxLength(64);
        entity.Property(a => a.ActorKind).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(a => new { a.PracticeId, a.At });
        entity.HasIndex(a => new { a.PracticeId, a.PatientId });
    }
}
