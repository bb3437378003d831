using DentalHub.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Adjustments;

internal sealed class PatientAdjustmentConfiguration : IEntityTypeConfiguration<PatientAdjustment>
{
    public void Configure(EntityTypeBuilder<PatientAdjustment> entity)
    {
        entity.Property(a => a.Amount).HasPrecision(12, 2);
        entity.Property(a => a.TypeId).HasMaxLength(100);
        entity.Property(a => a.TypeName).HasMaxLength(200);
        entity.Property(a => a.Note).HasMaxLength(PatientAdjustments.MaxNoteLength);
        entity.Property(a => a.EnteredBy).HasMaxLength(200);
        entity.HasIndex(a => new { a.PatientId, a.EnteredAt });
        entity.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId);
    }
}
