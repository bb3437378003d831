using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Insurance;

/// <summary>An insurance plan as the PMS has it: its carrier, group and employer, and the yearly benefits it records.</summary>
public sealed class InsurancePlan : PmsRecordRow
{
    public string? CarrierName { get; set; }
    public string? CarrierPmsId { get; set; }
    public string? GroupName { get; set; }
    public string? GroupNumber { get; set; }
    public string? Employer { get; set; }

    /// <summary>How the plan pays, in words ("PPO Percentage", "Capitation").</summary>
    public string? PlanType { get; set; }

    /// <summary>The most the plan pays for one person in a benefit year, when recorded.</summary>
    public decimal? AnnualMaximum { get; set; }

    /// <summary>One person's yearly deductible, when recorded.</summary>
    public decimal? Deductible { get; set; }

    public bool IsHidden { get; set; }
}

internal sealed class InsurancePlanConfiguration : IEntityTypeConfiguration<InsurancePlan>
{
    public void Configure(EntityTypeBuilder<InsurancePlan> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(p => p.CarrierName).HasMaxLength(InsuranceLengths.Name);
        entity.Property(p => p.CarrierPmsId).HasMaxLength(InsuranceLengths.PmsId);
        entity.Property(p => p.GroupName).HasMaxLength(InsuranceLengths.Name);
        entity.Property(p => p.GroupNumber).HasMaxLength(InsuranceLengths.Number);
        entity.Property(p => p.Employer).HasMaxLength(InsuranceLengths.Name);
        entity.Property(p => p.PlanType).HasMaxLength(InsuranceLengths.Code);
        entity.Property(p => p.AnnualMaximum).HasPrecision(12, 2);
        entity.Property(p => p.Deductible).HasPrecision(12, 2);
    }
}
