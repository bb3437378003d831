using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Ledger;

/// <summary>
/// A family's balance and its aging as the PMS last computed them, one row per guarantor (PmsId is the
/// guarantor's PMS id). The buckets add up to <see cref="Total"/>, except for a family in credit, where the
/// PMS shows nothing in any bucket and the credit as a negative Total. <see cref="PatientPortion"/> is what
/// the family owes once insurance pays its estimate. For an up-to-date aging from the synced ledger, see
/// <see cref="FamilyAging"/>.
/// </summary>
public sealed class FamilyBalance : PmsRecordRow
{
    public string GuarantorPmsId { get; set; } = "";
    public decimal Aged0To30 { get; set; }
    public decimal Aged31To60 { get; set; }
    public decimal Aged61To90 { get; set; }
    public decimal AgedOver90 { get; set; }
    public decimal Total { get; set; }
    public decimal InsuranceEstimate { get; set; }
    public decimal PatientPortion { get; set; }
}

internal sealed class FamilyBalanceConfiguration : IEntityTypeConfiguration<FamilyBalance>
{
    public void Configure(EntityTypeBuilder<FamilyBalance> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(b => b.GuarantorPmsId).HasMaxLength(64);
        entity.Property(b => b.Aged0To30).HasPrecision(12, 2);
        entity.Property(b => b.Aged31To60).HasPrecision(12, 2);
        entity.Property(b => b.Aged61To90).HasPrecision(12, 2);
        entity.Property(b => b.AgedOver90).HasPrecision(12, 2);
        entity.Property(b => b.Total).HasPrecision(12, 2);
        entity.Property(b => b.InsuranceEstimate).HasPrecision(12, 2);
        entity.Property(b => b.PatientPortion).HasPrecision(12, 2);
    }
}
