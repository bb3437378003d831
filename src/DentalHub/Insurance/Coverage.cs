using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Insurance;

/// <summary>
/// One patient's coverage by one plan: who subscribes, in what order it pays (1 primary, 2 secondary, ...) and
/// what it has used this benefit year. Linked to the patient and the plan by their PMS ids at read time.
/// </summary>
public sealed class Coverage : PmsRecordRow
{
    public string? PatientPmsId { get; set; }
    public string? PlanPmsId { get; set; }
    public string? SubscriberPmsId { get; set; }

    /// <summary>The member id the carrier knows the subscriber by.</summary>
    public string? SubscriberId { get; set; }

    public int Priority { get; set; }
    public CoverageRelationship Relationship { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? TerminatesOn { get; set; }

    /// <summary>Paid and pending this benefit year, when the PMS connection can tell (null: unknown).</summary>
    public decimal? BenefitsUsed { get; set; }

    public decimal? DeductibleMet { get; set; }
}

/// <summary>The patient's relationship to the subscriber.</summary>
public enum CoverageRelationship
{
    Self,
    Spouse,
    Child,
    Other,
}

internal sealed class CoverageConfiguration : IEntityTypeConfiguration<Coverage>
{
    public void Configure(EntityTypeBuilder<Coverage> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(c => c.PatientPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(c => c.PlanPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(c => c.SubscriberPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(c => c.SubscriberId).HasMaxLength(InsuranceLengths.Number);
        entity.Property(c => c.Relationship).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.BenefitsUsed).HasPrecision(12, 2);
        entity.Property(c => c.DeductibleMet).HasPrecision(12, 2);
        entity.HasIndex(c => new { c.ConnectionId, c.PatientPmsId });
    }
}
