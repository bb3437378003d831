using DentalHub.Audit;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Embed;

/// <summary>
/// A one-time ticket to one patient's compact profile inside a PMS frame, minted by the PMS (an API key)
/// and exchanged by the frame for an embed-only session. Only its SHA-256 is stored.
/// </summary>
public sealed class EmbedToken : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid OrganizationId { get; init; }
    public Guid PatientId { get; init; }
    public required string TokenHash { get; init; }
    public AuditActorKind MintedByKind { get; init; }
    public required string MintedById { get; init; }
    public required string MintedByName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class EmbedTokenConfiguration : IEntityTypeConfiguration<EmbedToken>
{
    public void Configure(EntityTypeBuilder<EmbedToken> entity)
    {
        entity.Property(t => t.TokenHash).HasMaxLength(64);
        entity.Property(t => t.MintedById).HasMaxLength(64);
        entity.Property(t => t.MintedByKind).HasConversion<string>().HasMaxLength(16);
        entity.Property(t => t.MintedByName).HasMaxLength(200);
        entity.HasIndex(t => t.TokenHash).IsUnique();
        entity.HasIndex(t => new { t.PracticeId, t.ExpiresAt });
        entity.HasOne<DentalHub.Patients.Patient>().WithMany().HasForeignKey(t => t.PatientId);
    }
}
