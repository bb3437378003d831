using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Ledger;

/// <summary>
/// One line of a patient's ledger as the PMS has it. <see cref="Amount"/> is the line's effect on what the
/// family owes: charges and debit adjustments are positive; patient payments, insurance payments, write-offs
/// and credit adjustments negative. A payment split across family members is one line per patient.
/// </summary>
public sealed class LedgerEntry : PmsRecordRow
{
    public string? PatientPmsId { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }

    /// <summary>The procedure code of a charge (or of the procedure insurance paid for).</summary>
    public string? Code { get; set; }

    /// <summary>What the PMS calls the line: the procedure, the payment type, the adjustment type, the carrier.</summary>
    public string? Description { get; set; }

    public string? ProviderPmsId { get; set; }
    public string? ClinicPmsId { get; set; }

    /// <summary>The PMS record the line comes from: a payment's id for each of its splits, a claim's for its insurance lines.</summary>
    public string? SourcePmsId { get; set; }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(e => e.PatientPmsId).HasMaxLength(64);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        entity.Property(e => e.Amount).HasPrecision(12, 2);
        entity.Property(e => e.Code).HasMaxLength(LedgerEntryMapping.CodeLength);
        entity.Property(e => e.Description).HasMaxLength(LedgerEntryMapping.DescriptionLength);
        entity.Property(e => e.ProviderPmsId).HasMaxLength(64);
        entity.Property(e => e.ClinicPmsId).HasMaxLength(64);
        entity.Property(e => e.SourcePmsId).HasMaxLength(64);
        entity.HasIndex(e => new { e.ConnectionId, e.PatientPmsId, e.Date });
    }
}
