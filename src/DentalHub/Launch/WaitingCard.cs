using DentalHub.Connections;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Launch;

/// <summary>
/// A card set from the PMS for a PMS patient not in the hub yet (Orthotrac's "Set card number" before "Launch"): the
/// launch that creates or links the profile connects it. One per PMS patient and one per number; it waits
/// <see cref="Lifetime"/>, and an expired one is ignored.
/// </summary>
public sealed class WaitingCard : IPracticeOwned
{
    /// <summary>Long enough for a patient set up at the desk and launched at the next visit; short enough that a mistyped patient is forgotten.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string PmsId { get; init; }
    public required string Number { get; init; }
    public required string SetBy { get; init; }
    public DateTimeOffset SetAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

internal sealed class WaitingCardConfiguration : IEntityTypeConfiguration<WaitingCard>
{
    public void Configure(EntityTypeBuilder<WaitingCard> entity)
    {
        entity.HasKey(c => new { c.ConnectionId, c.PmsId });
        entity.Property(c => c.PmsId).HasMaxLength(64);
        entity.Property(c => c.Number).HasMaxLength(CardNumbers.Length);
        entity.Property(c => c.SetBy).HasMaxLength(200);
        entity.HasIndex(c => new { c.PracticeId, c.Number }).IsUnique();
        entity.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId);
        entity.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
    }
}
