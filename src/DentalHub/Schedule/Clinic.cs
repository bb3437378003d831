using DentalHub.Sync;
using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>A location of the practice, when the PMS has several (Open Dental's clinics).</summary>
public sealed class Clinic : PmsRecordRow
{
    public string? Name { get; set; }
    public string? Abbreviation { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public bool IsHidden { get; set; }
}

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(c => c.Name).HasMaxLength(200);
        entity.Property(c => c.Abbreviation).HasMaxLength(32);
        entity.Property(c => c.AddressLine1).HasMaxLength(PatientValidation.AddressLength);
        entity.Property(c => c.AddressLine2).HasMaxLength(PatientValidation.AddressLength);
        entity.Property(c => c.City).HasMaxLength(PatientValidation.CityLength);
        entity.Property(c => c.State).HasMaxLength(PatientValidation.StateLength);
        entity.Property(c => c.PostalCode).HasMaxLength(PatientValidation.PostalCodeLength);
        entity.Property(c => c.Phone).HasMaxLength(PatientValidation.PhoneLength);
    }
}
