using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Sync.Records;

/// <summary>
/// What every table of a synced resource has besides the record's own columns: whose it is, the PMS id,
/// a fingerprint of the stored values (an unchanged record costs no write), when DentalHub first saw it,
/// when it last changed here (what <c>updated_since</c> filters on) and when the PMS reported it deleted.
/// Rows link to profiles through the patient's PMS id at read time, so a record that arrives before its
/// patient links by itself once the patient is synced.
/// </summary>
public abstract class PmsRecordRow : IPracticeOwned
{
    public Guid PracticeId { get; set; }
    public Guid ConnectionId { get; set; }
    public string PmsId { get; set; } = "";
    public long ContentHash { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The bookkeeping columns, left out of the content fingerprint.</summary>
    public static readonly string[] BookkeepingProperties =
        [nameof(PracticeId), nameof(ConnectionId), nameof(PmsId), nameof(ContentHash), nameof(FirstSeenAt), nameof(UpdatedAt), nameof(DeletedAt)];
}

public static class PmsRecordConfiguration
{
    /// <summary>The key, indexes and lengths every resource table shares; the resource's configuration adds its own columns.</summary>
    public static EntityTypeBuilder<TRow> ConfigurePmsRecord<TRow>(this EntityTypeBuilder<TRow> entity) where TRow : PmsRecordRow
    {
        entity.HasKey(r => new { r.ConnectionId, r.PmsId });
        entity.Property(r => r.PmsId).HasMaxLength(64);
        entity.HasIndex(r => new { r.PracticeId, r.UpdatedAt });
        entity.HasOne<Connections.Connection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        return entity;
    }
}
