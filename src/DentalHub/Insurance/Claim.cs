using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Insurance;

/// <summary>An insurance claim and where it stands, with its amounts as the claim shows them.</summary>
public sealed class Claim : PmsRecordRow
{
    public string? PatientPmsId { get; set; }
    public string? PlanPmsId { get; set; }
    public ClaimStatus Status { get; set; }

    /// <summary>"Primary", "Secondary", "Preauthorization", ...</summary>
    public string? ClaimType { get; set; }

    public DateOnly? ServiceDate { get; set; }
    public DateOnly? SentOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public decimal Billed { get; set; }
    public decimal EstimatedPayment { get; set; }
    public decimal Paid { get; set; }
    public decimal WriteOff { get; set; }
}

public enum ClaimStatus
{
    Unsent,
    OnHold,
    Waiting,
    Sent,
    Received,
    Other,
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(c => c.PatientPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(c => c.PlanPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.ClaimType).HasMaxLength(InsuranceLengths.Code);
        entity.Property(c => c.Billed).HasPrecision(12, 2);
        entity.Property(c => c.EstimatedPayment).HasPrecision(12, 2);
        entity.Property(c => c.Paid).HasPrecision(12, 2);
        entity.Property(c => c.WriteOff).HasPrecision(12, 2);
        entity.HasIndex(c => new { c.ConnectionId, c.PatientPmsId });
    }
}
